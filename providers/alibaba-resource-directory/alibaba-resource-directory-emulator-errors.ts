/**
 * The emulator's catalog of vendor errors: HTTP status and documented message for each code of the
 * message-contact API and the gateway, as alibaba.md sections 1.6 and 2.3 list them.
 */

/** A vendor error an emulator handler raises; the protocol answers it with the vendor's envelope. */
export class RdFault extends Error {
  /** @param code - the vendor code; @param detail - a message replacing the documented one. */
  constructor(
    readonly code: string,
    readonly detail?: string,
  ) {
    super(detail ?? code);
  }
}

const CATALOG: Readonly<Record<string, readonly [number, string]>> = {
  'InvalidParameter.Name': [400, 'The Name is invalid.'],
  'InvalidParameter.Name.Length': [400, 'The Name exceeds the length limit.'],
  'InvalidParameter.Name.AlreadyUsed': [400, 'The Name already exists. Please change to another name.'],
  'InvalidParameter.EmailAddress.Length': [400, 'The EmailAddress exceeds the length limit.'],
  'InvalidParameter.MobileCountryCode': [400, 'The current site does not support the country code.'],
  'InvalidParameter.Members.Duplicate': [400, 'The Members contains duplicate values.'],
  'InvalidParameter.Members.Length': [400, 'The maximum number of Members exceeds the limit.'],
  'LimitExceeded.Contacts': [400, 'The maximum number of contacts in a resource directory exceeds the limit.'],
  'LimitExceeded.ContactMembers': [400, 'The maximum number of contact members exceeds the limit.'],
  'QuotaExceeded.Members': [400, 'The maximum number of Members exceeds the limit.'],
  InvalidMember: [400, 'The member does not exist in the resource directory.'],
  ContactStatusMismatchAction: [400, 'The status of the contact does not allow the specified operation.'],
  'EntityNotExists.Contact': [404, 'This Contact does not exist.'],
  'EntityNotExists.Contact.Verification': [404, 'This contact verification does not exist.'],
  'EntityNotExists.Member': [404, 'This Member does not exist.'],
  SendValidateCodeExceedsLimitForAccount: [409, 'For the same account, the number of verification codes sent exceeds the limit.'],
  ConcurrentCallNotSupported: [429, 'The operation conflicts with other operations. Please try again later.'],
  // Gateway codes; where doc pages disagree on the status, the first one alibaba.md lists is used.
  'InvalidAccessKeyId.NotFound': [404, 'Specified access key is not found.'],
  'InvalidAccessKeyId.Inactive': [400, 'Specified access key is disabled.'],
  IncompleteSignature: [400, 'The request signature does not conform to Aliyun standards.'],
  SignatureDoesNotMatch: [400, 'Specified signature does not match our calculation.'],
  SignatureNonceUsed: [400, 'Specified signature nonce was used already.'],
  'InvalidTimeStamp.Expired': [400, 'Specified time stamp or date value is expired.'],
  IllegalTimestamp: [400, 'The input parameter "Timestamp" that is mandatory for processing this request is not supplied.'],
  InvalidVersion: [400, 'Specified parameter Version is not valid.'],
  'InvalidAction.NotFound': [404, 'Specified api is not found, please check your url and method.'],
  Throttling: [400, 'Request was denied due to request throttling.'],
  'Throttling.User': [400, 'Request was denied due to user flow control.'],
  'Throttling.Api': [400, 'Request was denied due to api flow control.'],
  'Forbidden.RAM': [403, "User not authorized to operate on the specified resource, or this API doesn't support RAM."],
  'Forbidden.RiskControl': [403, 'This operation is forbidden by Aliyun Risk Control system.'],
  NoPermission: [403, 'You are not authorized to do this action.'],
  InternalError: [500, 'The request processing has failed due to some unknown error, exception or failure.'],
  ServiceUnavailable: [503, 'The request has failed due to a temporary failure of the server.'],
};

/** The HTTP status and message of a code; `MissingParameter.X` and `InvalidParameter.X` follow the vendor's pattern. */
export function describeRdError(code: string): { status: number; message: string } {
  const known = CATALOG[code];
  if (known !== undefined) return { status: known[0], message: known[1] };
  const parameter = /^(MissingParameter|InvalidParameter)\.(.+)$/.exec(code);
  if (parameter?.[1] === 'MissingParameter') return { status: 400, message: `You must specify ${parameter[2]}.` };
  if (parameter?.[1] === 'InvalidParameter') return { status: 400, message: `The ${parameter[2]} is invalid.` };
  return { status: 400, message: 'The request has failed.' };
}
