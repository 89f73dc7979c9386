/**
 * The errors of getting credentials: every one is a ContactError of operation `credentials`,
 * naming the step and the place (a variable, a file, an endpoint), never a value read there.
 */
import { ContactError, isContactError, optionsOf } from '../errors/errors.js';
import type { ContactErrorCode, VendorErrorInfo } from '../errors/errors.js';
import { scrubbedCause, toContactError } from '../errors/to-contact-error.js';
import { httpStatusError, statusFallbackRule, vendorCodeError } from '../errors/vendor-errors.js';
import type { VendorCodeTable } from '../errors/vendor-errors.js';
import type { ProviderId } from '../model/contact.js';

/** The operation credential errors carry. */
export const CREDENTIALS_OPERATION = 'credentials';

/** Extra parts of a credential error. */
export interface CredentialErrorParts {
  /** The setting or variable at fault. */
  readonly field?: string | undefined;
  /** What a vendor service (STS, the metadata service) answered. */
  readonly vendor?: VendorErrorInfo | undefined;
  /** What went wrong underneath; kept as a scrubbed copy. */
  readonly cause?: unknown;
  /** Overrides the code's default retryability. */
  readonly retryable?: boolean | undefined;
}

/** Builds a credential error of a provider. */
export function credentialError(provider: ProviderId, code: ContactErrorCode, message: string, parts: CredentialErrorParts = {}): ContactError {
  return new ContactError({
    code,
    provider,
    operation: CREDENTIALS_OPERATION,
    message,
    ...(parts.field === undefined ? {} : { field: parts.field }),
    ...(parts.vendor === undefined ? {} : { vendor: parts.vendor }),
    ...(parts.retryable === undefined ? {} : { retryable: parts.retryable }),
    ...(parts.cause === undefined ? {} : { cause: isContactError(parts.cause) ? parts.cause : scrubbedCause(parts.cause) }),
  });
}

/**
 * What a request to a credential service failed with, as a ContactError: a ContactError passes
 * through, a socket error becomes `network`, a timeout `timeout`, each saying which step failed.
 */
export function credentialRequestError(provider: ProviderId, step: string, error: unknown): ContactError {
  if (isContactError(error)) return error;
  const translated = toContactError(error, { provider, operation: CREDENTIALS_OPERATION });
  return credentialError(provider, translated.code, `${step}: ${translated.detail}`, { cause: error });
}

/**
 * What a credential service (an STS) answered with an error, as a ContactError through that
 * vendor's code table, its message saying which step failed; an answer without a vendor code
 * is translated by its HTTP status.
 *
 * @param secrets - the values of the keys the request was signed with, kept out of the message.
 */
export function credentialServiceError(
  provider: ProviderId,
  step: string,
  table: VendorCodeTable,
  answer: { readonly status: number; readonly text: string; readonly vendor?: VendorErrorInfo | undefined },
  secrets: readonly string[] = [],
): ContactError {
  // A gateway may echo what it signed (Alibaba's SignatureDoesNotMatch quotes its string to sign,
  // the caller's token in it): the keys the request was signed with are scrubbed from the text.
  const context = { provider, operation: CREDENTIALS_OPERATION, secrets };
  const translated =
    answer.vendor === undefined
      ? httpStatusError(answer.status, answer.text, context)
      : vendorCodeError(table, { vendor: answer.vendor, fallback: statusFallbackRule(answer.status) }, context);
  return new ContactError({ ...optionsOf(translated), message: `${step}: ${translated.detail}` });
}
