/**
 * The CAM emulator's error catalogue: the documented message of each code it answers with.
 * CAM answers every error, signature failures included, with HTTP 200.
 */
import { ownValue } from '../../src/util/own-value.js';
import type { SessionVerdict } from '../../src/testing/temporary-keys.js';
import { VendorFault } from '../../src/testing/vendor-fault.js';

/** Each code's documented message. */
export const CAM_ERRORS: Readonly<Record<string, string>> = {
  RequestLimitExceeded: 'Your current request times exceeds the frequency limit `20` for a second. Please reduce the frequency of calls.',
  'LimitExceeded.Uin': 'The number of requests exceeds the limit of 10 per day.',
  'InvalidParameter.SubUserNameInUse': 'The sub-user name is already in use.',
  'InvalidParameter.ReceiverOverLimit': 'The number of message receivers exceeds the limit.',
  'InvalidParameter.UserNotAuth': 'The user has not completed real-name verification.',
  'ResourceNotFound.UserNotExist': 'The user does not exist.',
  'ResourceNotFound.UserNotExists': 'The user does not exist.',
  InternalError: 'An internal error has occurred. Retry your request.',
  InvalidParameter: 'The request is not well formed.',
};

/** The message of a code: the documented one, or the code itself. */
export function describeCamError(code: string): string {
  return ownValue(CAM_ERRORS, code) ?? `${code}.`;
}

/** What Tencent Cloud answers a temporary key sent without its token, with another one, or after it expired. */
const SESSION_MESSAGES = {
  missing: 'The request is signed with a temporary SecretId but carries no X-TC-Token.',
  mismatch: 'The token does not belong to the SecretId.',
  expired: 'The token has expired.',
} as const satisfies Record<Exclude<SessionVerdict, 'ok'>, string>;

/**
 * Refuses a request whose temporary key's session is not valid with `AuthFailure.TokenFailure`,
 * the common error code Tencent Cloud API 3.0 documents for token errors ("token 错误").
 */
export function checkTencentSession(verdict: SessionVerdict | undefined): void {
  if (verdict !== undefined && verdict !== 'ok') throw new VendorFault('AuthFailure.TokenFailure', SESSION_MESSAGES[verdict]);
}
