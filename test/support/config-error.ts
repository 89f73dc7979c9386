/** The `invalid-config` a factory throws at once for bad settings; anything else fails the test. */
import { isContactError } from '../../src/errors/errors.js';
import type { ContactError } from '../../src/errors/errors.js';

export function configErrorOf(make: () => unknown): ContactError<'invalid-config'> {
  try {
    make();
  } catch (error) {
    if (isContactError(error, 'invalid-config')) return error;
    throw error;
  }
  throw new Error('expected invalid-config');
}
