/**
 * The Alibaba Cloud API gateway's errors as an emulator answers them: HTTP status and documented
 * message of each code (https://help.aliyun.com/en/openapi/user-guide/api-error-diagnosis). Products add their own catalogue on top.
 */
import { ownValue } from '../../src/util/own-value.js';
import type { SessionVerdict } from '../../src/testing/temporary-keys.js';

/** A code's HTTP status and documented message. */
export type ErrorCatalogue = Readonly<Record<string, readonly [status: number, message: string]>>;

/** The gateway's codes; where doc pages disagree on the status, the first one the error-code pages list is used. */
export const ALIBABA_GATEWAY_ERRORS: ErrorCatalogue = {
  'InvalidAccessKeyId.NotFound': [404, 'Specified access key is not found.'],
  'InvalidAccessKeyId.Inactive': [400, 'Specified access key is disabled.'],
  IncompleteSignature: [400, 'The request signature does not conform to Aliyun standards.'],
  SignatureDoesNotMatch: [400, 'Specified signature does not match our calculation.'],
  SignatureNonceUsed: [400, 'Specified signature nonce was used already.'],
  'InvalidTimeStamp.Expired': [400, 'Specified time stamp or date value is expired.'],
  IllegalTimestamp: [400, 'The input parameter "Timestamp" that is mandatory for processing this request is not supplied.'],
  InvalidVersion: [400, 'Specified parameter Version is not valid.'],
  'InvalidAction.NotFound': [404, 'Specified api is not found, please check your url and method.'],
  UnsupportedHTTPMethod: [403, 'This http method not supported.'],
  Throttling: [400, 'Request was denied due to request throttling.'],
  'Throttling.User': [400, 'Request was denied due to user flow control.'],
  'Throttling.Api': [400, 'Request was denied due to api flow control.'],
  MissingSecurityToken: [400, 'SecurityToken is mandatory for this action.'],
  'InvalidSecurityToken.Expired': [400, 'Specified SecurityToken is expired.'],
  'InvalidSecurityToken.MismatchWithAccessKey': [400, 'Specified SecurityToken mismatch with the AccessKey.'],
  'Forbidden.RAM': [403, "User not authorized to operate on the specified resource, or this API doesn't support RAM."],
  'Forbidden.RiskControl': [403, 'This operation is forbidden by Aliyun Risk Control system.'],
  NoPermission: [403, 'You are not authorized to do this action.'],
  InternalError: [500, 'The request processing has failed due to some unknown error, exception or failure.'],
  ServiceUnavailable: [503, 'The request has failed due to a temporary failure of the server.'],
};

/** The gateway's answer to a temporary key whose security token is missing, wrong or expired. */
export const ALIBABA_SESSION_CODES = {
  missing: 'MissingSecurityToken',
  mismatch: 'InvalidSecurityToken.MismatchWithAccessKey',
  expired: 'InvalidSecurityToken.Expired',
} as const satisfies Record<Exclude<SessionVerdict, 'ok'>, string>;

/**
 * The HTTP status and message of a code: the product's catalogue, then the gateway's; any
 * `MissingParameter.X` and `InvalidParameter.X` follow the vendor's pattern.
 */
export function describeAlibabaError(code: string, product: ErrorCatalogue): { status: number; message: string } {
  const known = ownValue(product, code) ?? ownValue(ALIBABA_GATEWAY_ERRORS, code);
  if (known !== undefined) return { status: known[0], message: known[1] };
  const parameter = /^(MissingParameter|InvalidParameter)\.(.+)$/.exec(code);
  if (parameter?.[1] === 'MissingParameter') return { status: 400, message: `You must specify ${parameter[2]}.` };
  if (parameter?.[1] === 'InvalidParameter') return { status: 400, message: `The ${parameter[2]} is invalid.` };
  return { status: 400, message: 'The request has failed.' };
}
