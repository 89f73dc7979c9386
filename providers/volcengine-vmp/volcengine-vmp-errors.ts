/**
 * The VMP and Volcengine gateway error codes (https://www.volcengine.com/docs/6369/68677 and the VMP API pages), and the one
 * translation of a failed attempt into a ContactError. Errors arrive in
 * `ResponseMetadata.Error` with a 4xx or 5xx status, inside a 200 (one unsuccessful item of a
 * batch, a verification mail not sent), or as a gateway's page without any code.
 */
import type { ContactError } from '../../src/errors/errors.js';
import { ownValue } from '../../src/util/own-value.js';
import { toContactError } from '../../src/errors/to-contact-error.js';
import type { ErrorContext } from '../../src/errors/to-contact-error.js';
import { httpStatusError, statusFallbackRule, vendorCodeError } from '../../src/errors/vendor-errors.js';
import type { VendorCodeTable } from '../../src/errors/vendor-errors.js';
import { vmpUnsuccessfulItemSchema } from './volcengine-vmp-api.js';
import type { VmpEnvelope } from './volcengine-vmp-api.js';

/** Every code this provider knows, and what it becomes. */
const volcengineVmpErrorCodes = {
  exact: {
    'Conflict.Name': { code: 'already-exists', field: 'name', explanation: 'the name is taken in the account' },
    ProductUnsubscribed: { code: 'not-subscribed', explanation: 'the account has not activated VMP (Managed Service for Prometheus)' },
    InvalidAccessKey: 'unauthenticated',
    SignatureDoesNotMatch: 'unauthenticated',
    InvalidTimestamp: { code: 'unauthenticated', explanation: "the request's X-Date is too far from the vendor's clock: check the system clock" },
    MissingSignature: 'unauthenticated',
    MissingAuthenticationToken: 'unauthenticated',
    InvalidSecretToken: { code: 'unauthenticated', explanation: 'the session token is invalid or expired' },
    InvalidAuthorization: 'unauthenticated',
    InvalidCredential: 'unauthenticated',
    AccessDenied: { code: 'permission-denied', explanation: 'an IAM policy denies this call' },
    LackProjectPolicy: { code: 'permission-denied', explanation: 'the project policy does not allow this call' },
    InternalError: 'unavailable',
    InternalServiceTimeout: 'unavailable',
    InvalidActionOrVersion: { code: 'unsupported', explanation: 'the gateway does not offer this action' },
    // SendValidationMessage's SendStatus values that mean no mail went out.
    'LimitExceeded.Email': { code: 'rate-limited', field: 'email', explanation: 'VMP mails an address at most once a minute' },
    'MessageFailed.Email': { code: 'unavailable', field: 'email', explanation: 'VMP could not send the verification mail' },
  },
  prefixes: {
    InvalidParameter: 'invalid-input',
    MissingParameter: 'invalid-input',
    NotFound: 'not-found',
  },
  contains: {
    FlowLimitExceeded: 'rate-limited',
  },
} as const satisfies VendorCodeTable;

/** VMP parameter names → the neutral names callers know. */
const NEUTRAL_FIELDS: Readonly<Record<string, string>> = {
  Name: 'name',
  Email: 'email',
  Webhook: 'webhooks.generic',
  LarkBotWebhook: 'webhooks.lark',
  DingTalkBotWebhook: 'webhooks.dingtalk',
  WeComBotWebhook: 'webhooks.wecom',
  ContactGroupIds: 'groupIds',
  ContactIds: 'contactIds',
  Id: 'id',
  Ids: 'id',
  PageSize: 'pageSize',
  PageNumber: 'pageNumber',
  Filter: 'query',
  Destination: 'email',
};

/** Sub-fields of the channel objects → the neutral webhook fields. */
const NEUTRAL_SUBFIELDS: Readonly<Record<string, string>> = {
  Address: 'url',
  Token: 'token',
  SecretKey: 'secret',
  AtMobiles: 'atMobiles',
  AtUserIds: 'atUserIds',
};

/** The neutral field an `InvalidParameter.X[.Y]`, `MissingParameter.X[.Y]` or `NotFound.X` code names. */
function fieldOfCode(code: string): string | undefined {
  // `NotFound.Contact`, `NotFound.ContactGroup` and a batch's `NotFound.Ids` name the id that was asked for.
  if (/^NotFound\.(?:Contact|ContactGroup|Ids?)$/.test(code)) return 'id';
  const match = /^(?:InvalidParameter|MissingParameter|Conflict)\.([A-Za-z]+)(?:\.([A-Za-z]+))?/.exec(code);
  if (match === null) return undefined;
  const field = ownValue(NEUTRAL_FIELDS, match[1]!);
  const sub = match[2] === undefined ? undefined : ownValue(NEUTRAL_SUBFIELDS, match[2]);
  return field !== undefined && sub !== undefined && field.startsWith('webhooks.') ? `${field}.${sub}` : field;
}

/** An answer that is not a successful VMP envelope: an error envelope, an error status, or not JSON. */
export class VmpAnswer {
  /** @internal */
  constructor(
    readonly status: number,
    readonly text: string,
    readonly envelope: VmpEnvelope | undefined,
  ) {}
}

/**
 * A failure VMP reports inside a successful answer: the one id of a one-id batch in
 * `UnsuccessfulItems`, or a SendValidationMessage whose `SendStatus` says no mail went out.
 */
class VmpResultFailure {
  /** @internal */
  constructor(
    readonly code: string,
    readonly message: string,
    readonly requestId: string | undefined,
  ) {}
}

/** How long VMP makes an address wait between verification mails (its documented message). */
const EMAIL_RESEND_MS = 60_000;

/** SendStatus values that are not failures. */
const SENT_STATUSES = new Set(['MessageSucceed.Email', 'AlreadyActive.Email']);

/**
 * The failure a successful answer carries, if any: a batch of one id whose one item failed has
 * failed as a whole (so a retried delete that finds the id gone is recognised as done), and a
 * SendValidationMessage that sent nothing has failed (so it is never reported as a change made).
 */
export function failureInResult(action: string, params: object, result: unknown, requestId: string | undefined): VmpResultFailure | undefined {
  const record = (typeof result === 'object' && result !== null ? result : {}) as Record<string, unknown>;
  if (action === 'SendValidationMessage' && typeof record['SendStatus'] === 'string' && !SENT_STATUSES.has(record['SendStatus'])) {
    return new VmpResultFailure(record['SendStatus'], typeof record['Message'] === 'string' ? record['Message'] : '', requestId);
  }
  const ids = (params as { Ids?: unknown }).Ids;
  const only = Array.isArray(ids) && ids.length === 1 ? ids[0] : undefined;
  if (typeof only !== 'string' || !Array.isArray(record['UnsuccessfulItems'])) return undefined;
  const item = record['UnsuccessfulItems'].map((entry) => vmpUnsuccessfulItemSchema.safeParse(entry)).find((parsed) => parsed.success && parsed.data.Id === only);
  return item?.success === true ? new VmpResultFailure(item.data.Error?.Code ?? 'UnsuccessfulItem', item.data.Error?.Message ?? '', requestId) : undefined;
}

/**
 * Translates a failed attempt: a VMP error (in the envelope or a batch item) through the code
 * table, a code the table does not know by its HTTP status; an answer without a code by its
 * status, or `invalid-response`; a socket failure through the neutral rules.
 */
export function translateVmpFailure(error: unknown, context: ErrorContext): ContactError {
  if (error instanceof VmpResultFailure) {
    return vmpCodeError({ code: error.code, message: error.message, requestId: error.requestId, httpStatus: 200 }, context);
  }
  if (!(error instanceof VmpAnswer)) return toContactError(error, context);
  const metadata = error.envelope?.ResponseMetadata;
  const code = metadata?.Error?.Code;
  if (code !== null && code !== undefined && code !== '') {
    return vmpCodeError({ code, message: metadata?.Error?.Message ?? '', requestId: metadata?.RequestId ?? undefined, httpStatus: error.status }, context);
  }
  const success = error.status >= 200 && error.status < 300;
  return httpStatusError(success ? undefined : error.status, error.text, context);
}

/** What a VMP error says. */
interface VmpErrorBody {
  readonly code: string;
  readonly message: string;
  readonly requestId?: string | undefined;
  readonly httpStatus: number;
}

/** Translates one VMP error through the code table. */
function vmpCodeError(body: VmpErrorBody, context: ErrorContext): ContactError {
  return vendorCodeError(
    volcengineVmpErrorCodes,
    {
      vendor: {
        code: body.code,
        message: body.message,
        httpStatus: body.httpStatus,
        ...(body.requestId === undefined || body.requestId === '' ? {} : { requestId: body.requestId }),
      },
      field: fieldOfCode(body.code),
      fallback: statusFallbackRule(body.httpStatus),
      retryAfterMs: body.code === 'LimitExceeded.Email' ? EMAIL_RESEND_MS : undefined,
    },
    context,
  );
}
