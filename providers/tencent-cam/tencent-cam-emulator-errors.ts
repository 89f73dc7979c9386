/**
 * The CAM emulator's error catalogue: the documented message of each code it answers with.
 * CAM answers every error, signature failures included, with HTTP 200.
 */
import { ownValue } from '../../src/util/own-value.js';

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
