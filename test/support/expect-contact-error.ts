/**
 * The one way tests expect a failure: the promise rejects with a ContactError of this code
 * (anything else fails the test, a success included), whose message, JSON and printed form hold
 * none of the given secrets.
 */
import { inspect } from 'node:util';
import { expect } from 'vitest';
import type { ProviderId } from '../../src/model/contact.js';
import { isContactError } from '../../src/errors/errors.js';
import type { ContactError, ContactErrorCode } from '../../src/errors/errors.js';

export interface ExpectedError {
  /** The provider the error must name. */
  readonly provider?: ProviderId | undefined;
  /** Values that must appear nowhere in the error. */
  readonly secrets?: readonly string[];
}

export async function expectContactError<C extends ContactErrorCode>(promise: Promise<unknown>, code: C, expected: ExpectedError = {}): Promise<ContactError<C>> {
  const outcome = await promise.then(
    (value: unknown) => ({ resolved: true as const, value }),
    (error: unknown) => ({ resolved: false as const, error }),
  );
  if (outcome.resolved) throw new Error(`expected a ${code} ContactError, but the call resolved to ${inspect(outcome.value, { depth: 2 })}`);
  const error = outcome.error;
  if (!isContactError(error)) throw new Error(`expected a ${code} ContactError, got ${inspect(error)}`);
  expect({ code: error.code, message: error.message }).toMatchObject({ code });
  if (expected.provider !== undefined) expect(error.provider).toBe(expected.provider);
  for (const secret of expected.secrets ?? []) {
    for (const text of [error.message, JSON.stringify(error), inspect(error, { depth: 10, showHidden: true })]) expect(text).not.toContain(secret);
  }
  return error as ContactError<C>;
}
