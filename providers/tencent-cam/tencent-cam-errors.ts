import { nextChinaMidnight } from '../../src/util/china-time.js';
import type { ContactError } from '../../src/errors/errors.js';
import { toContactError } from '../../src/errors/to-contact-error.js';
import type { ErrorContext } from '../../src/errors/to-contact-error.js';
import { httpStatusError, vendorCodeError } from '../../src/errors/vendor-errors.js';
import type { VendorCodeTable } from '../../src/errors/vendor-errors.js';
import type { TencentEnvelope } from './tencent-cam-api.js';

/** Every CAM and common Tencent Cloud code this provider knows, and what it becomes. */
const tencentCamErrorCodes = {
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

/** An answer that is not a successful CAM envelope: an error envelope, a non-200 status, or not JSON. */
export class TencentAnswer {
  /** @internal */
  constructor(
    readonly status: number,
    readonly text: string,
    readonly envelope: TencentEnvelope | undefined,
  ) {}
}

/**
 * Translates a failed attempt: CAM's error envelope (answered with HTTP 200, or any status) by
 * the code table; an answer without one by its status, or `invalid-response`; a client failure
 * (socket errors) through the neutral rules.
 */
export function translateTencentFailure(error: unknown, context: ErrorContext): ContactError {
  if (!(error instanceof TencentAnswer)) return toContactError(error, context);
  const response = error.envelope?.Response;
  const failure = response?.Error;
  if (failure !== null && failure !== undefined) {
    const requestId = response?.RequestId ?? undefined;
    return tencentVendorError({ code: failure.Code, message: failure.Message ?? '', requestId, httpStatus: error.status }, context);
  }
  return httpStatusError(error.status === 200 ? undefined : error.status, error.text, context);
}

/** What a CAM error envelope says. */
interface TencentErrorBody {
  readonly code: string;
  readonly message: string;
  readonly requestId?: string | undefined;
  readonly httpStatus?: number | undefined;
}

/** Translates a CAM error envelope; `LimitExceeded.Uin` gets the next Beijing midnight as `resetsAt`. */
function tencentVendorError(body: TencentErrorBody, context: ErrorContext, now: Date = new Date()): ContactError {
  const named = /\b(Name|Email|PhoneNumber|CountryCode|Remark)\b/.exec(body.message)?.[1];
  const aboutParameter = body.code.startsWith('InvalidParameter') || body.code.startsWith('MissingParameter');
  return vendorCodeError(
    tencentCamErrorCodes,
    {
      vendor: {
        code: body.code,
        message: body.message,
        ...(body.requestId === undefined || body.requestId === '' ? {} : { requestId: body.requestId }),
        ...(body.httpStatus === undefined ? {} : { httpStatus: body.httpStatus }),
      },
      field: aboutParameter && named !== undefined ? PARAMETER_FIELDS[named] : undefined,
      resetsAt: body.code === 'LimitExceeded.Uin' ? nextChinaMidnight(now) : undefined,
    },
    context,
  );
}
