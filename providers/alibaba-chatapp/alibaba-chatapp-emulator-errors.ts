/**
 * The emulator's catalogue of ChatApp's own errors: HTTP status and documented message of each
 * code. The four codes of every phone operation are HTTP 400 (https://www.alibabacloud.com/help/en/chatapp/developer-reference/api-error-codes); the
 * business codes of the "API error codes" page come back as HTTP 200 inside the success envelope
 * with `Code` other than `OK` (UNCONFIRMED: the vendor does not document it); the gateway's codes are in `alibaba-common`.
 */
import type { ErrorCatalogue } from '../alibaba-common/alibaba-emulator-errors.js';

/** Each product code's status and message. */
export const CHATAPP_ERRORS: ErrorCatalogue = {
  'Product.Unsubscript': [400, 'You have not subscribed to the specified product.'],
  'Ram.PermissionDeny': [400, 'You are not authorized to perform the operation.'],
  'System.LimitControl': [400, 'The system is under flow control.'],
  'Unknown.ResourceOwnerId': [400, 'The resource does not belong to the current user.'],
  // The "Public error codes" page of cams 2020-06-06 lists these as HTTP 400.
  'ERR-OPERATION-MAAP-0060': [400, 'The subscriber has not bind WABA.'],
  'ERR-OPERATION-MAAP-0065': [400, 'The phoneCode is not bind to the subscriber.'],
  'ERR-OPERATION-MAAP-0085': [400, 'The website url must start with http or https.'],
  'Authentication.NoAuth': [200, 'You do not have permission to perform this operation.'],
  'InvalidParameter.PhoneNumberError': [200, 'The phone number is invalid.'],
  // The emulator's own codes where the vendor documents none (UNCONFIRMED), in its naming style.
  'InvalidParameter.PhoneNumberExist': [200, 'The phone number already exists.'],
  'InvalidParameter.PhoneNumberNotVerified': [200, 'The phone number has not been verified.'],
  'InvalidParameter.PhoneNumberLimitExceeded': [200, 'The number of phone numbers exceeds the limit.'],
  'InvalidParameter.VerifiedName': [200, 'The VerifiedName is invalid.'],
  'InvalidParameter.Cc': [200, 'The Cc is invalid.'],
  'InvalidParameter.VerifyCode': [200, 'The verification code is invalid or has expired.'],
  'InvalidParameter.Method': [200, 'The Method is invalid.'],
  'InvalidParameter.Locale': [200, 'The Locale is invalid.'],
  'InvalidParameter.Status': [200, 'The Status is invalid.'],
  'InvalidParameter.Vertical': [200, 'The Vertical is invalid.'],
  'InvalidParameter.Websites': [200, 'The Websites is invalid.'],
  'InvalidParameter.Email': [200, 'The Email is invalid.'],
  'InvalidParameter.StatusCallbackUrl': [200, 'The StatusCallbackUrl is invalid.'],
  'InvalidParameter.UpCallbackUrl': [200, 'The UpCallbackUrl is invalid.'],
  'InvalidParameter.HttpFlag': [200, 'The HttpFlag is invalid.'],
  'InvalidParameter.QueueFlag': [200, 'The QueueFlag is invalid.'],
  'InvalidParameter.GenerateQrImage': [200, 'The GenerateQrImage is invalid.'],
  'InvalidParameter.QrdlCode': [200, 'The QrdlCode does not exist.'],
};
