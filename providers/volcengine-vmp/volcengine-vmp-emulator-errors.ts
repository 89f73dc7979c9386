/**
 * The VMP emulator's error catalogue: each code's HTTP status, documented message and, for the
 * gateway's codes, its numeric `CodeN` (https://www.volcengine.com/docs/6369/68677). Statuses the vendor does
 * not document (UNCONFIRMED) follow the nearest documented ones: throttling 429, `Conflict.*` 409,
 * `NotFound.*` 404.
 */
import { ownValue } from '../../src/util/own-value.js';
import type { SessionVerdict } from '../../src/testing/temporary-keys.js';
import { VendorFault } from '../../src/testing/vendor-fault.js';

/** One code: `[HTTP status, message, CodeN?]`. */
type Entry = readonly [number, string, number?];

/** The gateway's codes and VMP's own exact codes. */
export const VMP_ERRORS: Readonly<Record<string, Entry>> = {
  MissingParameter: [400, 'The request is missing Action parameter.', 100002],
  MissingRequestInfo: [400, 'The request is missing X-Date information.', 100004],
  InvalidTimestamp: [400, 'The Signature of the request is expired.', 100006],
  ServiceNotFound: [404, 'This service[vmp] not found.', 100007],
  InvalidActionOrVersion: [404, 'Could not find operation for this version.', 100008],
  InvalidAccessKey: [401, 'The accesskey included in the request is invalid.', 100009],
  SignatureDoesNotMatch: [
    401,
    'The request signature we calculated does not match the signature you provided. Check your Secret Access Key and signing method. Consult the service documentation for details.',
    100010,
  ],
  AccessDenied: [403, 'User is not authorized to perform this action.', 100013],
  InternalError: [500, 'Service has some internal Error. Pls Contact With Admin.', 100014],
  InternalServiceTimeout: [500, 'Internal Service is timeout. Pls Contact With Admin.', 100016],
  InvalidAuthorization: [400, "Invalid 'Authorization' header, Pls check authorization header."],
  InvalidCredential: [400, "Invalid credential in 'Authorization', Pls check credential in authorization header."],
  MissingAuthenticationToken: [401, 'Request is missing Authentication Token.'],
  MissingSignature: [401, 'The request is missing signature.'],
  InvalidSecretToken: [401, 'Invalid secret token, msg: the token cannot be parsed.'],
  LackProjectPolicy: [403, 'Request was rejected because of lack of project policy.'],
  FlowLimitExceeded: [429, 'Request rate exceeds the flow limit of this API.'],
  AccountFlowLimitExceeded: [429, 'Request rate exceeds the flow limit of this account.'],
  ProductUnsubscribed: [
    403,
    'You are not subscribed to the Volcengine Managed Service for Prometheus (VMP). Please go to the VMP console web page to subscribe to the service',
  ],
};

/** The status and message of any code: the catalogue, then VMP's parameterised families. */
export function describeVmpError(code: string): { status: number; message: string; codeN?: number } {
  const entry = ownValue(VMP_ERRORS, code);
  if (entry !== undefined) return { status: entry[0], message: entry[1], ...(entry[2] === undefined ? {} : { codeN: entry[2] }) };
  const [family, ...rest] = code.split('.');
  const subject = rest.join('.') || 'parameter';
  switch (family) {
    case 'InvalidParameter':
      return { status: 400, message: `The specified parameter ${subject} is invalid.` };
    case 'MissingParameter':
      return { status: 400, message: `The required parameter ${subject} is missing.` };
    case 'Conflict':
      return { status: 409, message: `The specified ${subject.toLowerCase()} conflicts with existing resource.` };
    case 'NotFound':
      return { status: 404, message: `The specified ${subject} is not found.` };
    default:
      return { status: code.includes('FlowLimitExceeded') ? 429 : 400, message: `${code}.` };
  }
}

/** What the gateway answers a temporary key sent without its token, with another one, or after it expired (UNCONFIRMED wording). */
const SESSION_MESSAGES = {
  missing: 'Request is missing Authentication Token.',
  mismatch: 'Invalid secret token, msg: the token does not belong to the access key.',
  expired: 'Invalid secret token, msg: the token is expired.',
} as const satisfies Record<Exclude<SessionVerdict, 'ok'>, string>;

/** Refuses a request whose temporary key's session is not valid (`InvalidSecretToken`, or `MissingAuthenticationToken` without one). */
export function checkVolcengineSession(verdict: SessionVerdict | undefined): void {
  if (verdict === undefined || verdict === 'ok') return;
  throw new VendorFault(verdict === 'missing' ? 'MissingAuthenticationToken' : 'InvalidSecretToken', SESSION_MESSAGES[verdict]);
}
