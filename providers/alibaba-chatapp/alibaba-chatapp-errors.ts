/**
 * ChatApp's error codes (https://www.alibabacloud.com/help/en/chatapp/developer-reference/api-error-codes: the CAMS "API error codes" and "Public error
 * codes" pages), on top of the gateway's in `alibaba-common`, with the neutral field each
 * parameter is. Business failures come back inside the 200 envelope as `Code`; the four documented
 * phone-operation codes come back as HTTP 400; the transport reads both the same way.
 */
import type { VendorCodeTable } from '../../src/errors/vendor-errors.js';
import type { AlibabaProductErrors } from '../alibaba-common/alibaba-rpc-errors.js';

/** Every code of the phone-number API, and what it means to a caller. */
const alibabaChatAppCodes = {
  exact: {
    'Product.Unsubscript': { code: 'not-subscribed', explanation: 'ChatApp Message Service is not activated for this account' },
    'Ram.PermissionDeny': 'permission-denied',
    'System.LimitControl': 'rate-limited',
    'Unknown.ResourceOwnerId': {
      code: 'permission-denied',
      explanation: 'the phone number or customer space belongs to another account (or does not exist)',
    },
    'Authentication.NoAuth': 'unauthenticated',
    'InvalidParameter.PhoneNumberError': { code: 'invalid-input', field: 'phone', explanation: 'the vendor says the phone number is invalid' },
    'ERR-OPERATION-MAAP-0060': {
      code: 'not-subscribed',
      explanation: 'no WhatsApp Business Account is bound to the customer space (finish the embedded signup first)',
    },
    'ERR-OPERATION-MAAP-0065': { code: 'not-found', field: 'id', explanation: 'the phone number is not in this customer space' },
    'ERR-OPERATION-MAAP-0085': { code: 'invalid-input', field: 'websites', explanation: 'each website must start with http:// or https://' },
    // The emulator's codes where the vendor documents none (UNCONFIRMED), named in the style of
    // its documented InvalidParameter.TemplateNameExist.
    'InvalidParameter.PhoneNumberExist': { code: 'already-exists', field: 'phone', explanation: 'the number is already in a customer space of this account' },
    'InvalidParameter.PhoneNumberNotVerified': {
      code: 'conflict',
      retryable: false,
      explanation: "the number's code is not verified (or the verification expired): send a code and use verifyAndRegister",
    },
    'InvalidParameter.PhoneNumberLimitExceeded': { code: 'quota-exceeded', explanation: 'the customer space holds as many numbers as it may' },
  },
  prefixes: {},
} satisfies VendorCodeTable;

/** Vendor parameter names → the names callers know (a Map: a code naming `constructor` must find nothing). */
const NEUTRAL_FIELDS: ReadonlyMap<string, string> = new Map(Object.entries({
  PhoneNumber: 'phone',
  Cc: 'phone',
  VerifiedName: 'name',
  Email: 'email',
  About: 'about',
  Address: 'address',
  Description: 'description',
  ProfilePictureUrl: 'profilePictureUrl',
  Vertical: 'vertical',
  Websites: 'websites',
  VerifyCode: 'code',
  Method: 'method',
  Locale: 'locale',
  CustSpaceId: 'custSpaceId',
  Status: 'status',
  StatusCallbackUrl: 'statusCallbackUrl',
  UpCallbackUrl: 'inboundCallbackUrl',
  HttpFlag: 'http',
  QueueFlag: 'queue',
}));

/** What ChatApp adds to the gateway's errors. */
export const alibabaChatAppErrors: AlibabaProductErrors = {
  codes: alibabaChatAppCodes,
  // `InvalidParameter.Websites` names `websites`; a code that is not a parameter name names none.
  fieldOf: (code) => NEUTRAL_FIELDS.get(/^(?:MissingParameter|InvalidParameter)\.([A-Za-z]+)$/.exec(code)?.[1] ?? ''),
};
