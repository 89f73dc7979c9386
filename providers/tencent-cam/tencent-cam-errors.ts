import type { ContactError } from '../../src/errors.js';
import { toContactError } from '../../src/to-contact-error.js';
import type { ErrorContext } from '../../src/to-contact-error.js';
import { httpStatusError, vendorCodeError } from '../../src/vendor-errors.js';
import type { VendorCodeTable } from '../../src/vendor-errors.js';

/** Every CAM and common Tencent Cloud code this provider knows, and what it becomes. */
export const tencentCamErrorCodes = {
  exact: {
    'InvalidParameter.SubUserNameInUse': { code: 'already-exists', field: 'name', explanation: 'the name is taken by a sub-user or receiver of the account' },
    'InvalidParameter.ReceiverOverLimit': { code: 'quota-exceeded', explanation: 'the account has as many message receivers as CAM allows' },
    'LimitExceeded.Uin': { code: 'quota-exceeded', explanation: 'the 10 CreateMessageReceiver calls allowed per account per day are used up' },
    'InvalidParameter.UserNotAuth': { code: 'permission-denied', explanation: 'the account has not completed real-name verification, which CAM requires for message receivers' },
    'InvalidParameter.UserNameIllegal': { code: 'invalid-input', field: 'name' },
    'ResourceNotFound.UserNotExist': 'not-found',
    'ResourceNotFound.UserNotExists': 'not-found',
    'AuthFailure.UnauthorizedOperation': { code: 'permission-denied', explanation: 'a CAM policy denies this call' },
    ServiceUnavailable: 'unavailable',
  },
  prefixes: {
    InvalidParameter: 'invalid-input',
    MissingParameter: 'invalid-input',
    UnknownParameter: 'invalid-input',
    AuthFailure: 'unauthenticated',
    UnauthorizedOperation: 'permission-denied',
    RequestLimitExceeded: 'rate-limited',
    LimitExceeded: 'quota-exceeded',
    InternalError: 'unavailable',
    ResourceNotFound: 'not-found',
  },
} as const satisfies VendorCodeTable;

/** CAM parameter names, and the neutral field each one is. */
const PARAMETER_FIELDS: Readonly<Record<string, string>> = {
  Name: 'name',
  Email: 'email',
  PhoneNumber: 'phone',
  CountryCode: 'phone',
  Remark: 'remark',
};

/** What a CAM error envelope says. */
export interface TencentErrorBody {
  readonly code: string;
  readonly message: string;
  readonly requestId?: string | undefined;
  readonly httpStatus?: number | undefined;
}

/**
 * Translates a CAM error envelope; `LimitExceeded.Uin` gets the next Beijing midnight as `resetsAt`.
 */
export function tencentVendorError(body: TencentErrorBody, context: ErrorContext, now: Date = new Date()): ContactError {
  const named = /\b(Name|Email|PhoneNumber|CountryCode|Remark)\b/.exec(body.message)?.[1];
  return vendorCodeError(
    tencentCamErrorCodes,
    {
      vendor: {
        code: body.code,
        message: body.message,
        ...(body.requestId === undefined || body.requestId === '' ? {} : { requestId: body.requestId }),
        ...(body.httpStatus === undefined ? {} : { httpStatus: body.httpStatus }),
      },
      field: body.code.startsWith('InvalidParameter') || body.code.startsWith('MissingParameter') ? (named === undefined ? undefined : PARAMETER_FIELDS[named]) : undefined,
      resetsAt: body.code === 'LimitExceeded.Uin' ? nextBeijingMidnight(now) : undefined,
    },
    context,
  );
}

/** Translates a failure of the vendor client (socket errors, timeouts) or passes a ContactError through. */
export function tencentClientError(error: unknown, context: ErrorContext): ContactError {
  return toContactError(error, context);
}

/** Translates an answer without a usable envelope: by status, or `invalid-response`. */
export function tencentAnswerError(status: number, text: string, context: ErrorContext): ContactError {
  return httpStatusError(status === 200 ? undefined : status, text, context);
}

/** The next 00:00 in China Standard Time (UTC+8), when CAM's daily limits start over. */
export function nextBeijingMidnight(now: Date): string {
  const offsetMs = 8 * 3_600_000;
  const beijing = new Date(now.getTime() + offsetMs);
  const midnight = Date.UTC(beijing.getUTCFullYear(), beijing.getUTCMonth(), beijing.getUTCDate() + 1) - offsetMs;
  return new Date(midnight).toISOString().replace('.000Z', 'Z');
}
