/**
 * Settling a non-idempotent request whose answer was lost by looking up what it would have
 * changed: the one mechanism behind every provider's lost create (the name in the listing) and
 * ChatApp's lost registration changes (the number's status).
 */
import { errorIn } from '../errors/to-contact-error.js';
import type { CallScope, Settlement } from './call-scope.js';

/**
 * What a lookup says of the lost request: it was applied (`{ applied }`, with the answer it
 * would have given); it was not (`not-applied`, so it is safe to send again); or its name is
 * `taken` by something else (`already-exists`).
 */
export type LookupVerdict<T> = { readonly applied: T } | 'not-applied' | 'taken';

/** How to settle one request by a lookup; a verdict that may say `taken` needs the words for it. */
type LookupSettlement<F, T> = {
  /** Looks up what the request would have changed (a name in the listing). */
  readonly lookup: () => Promise<F>;
} & (
  | { readonly verdict: (found: F) => Exclude<LookupVerdict<T>, 'taken'>; readonly taken?: undefined }
  | {
      readonly verdict: (found: F) => LookupVerdict<T>;
      /** The field whose value is taken, and what to say of it (`a contact named "Bob" exists with other details`). */
      readonly taken: { readonly field: string; readonly message: string };
    }
);

/**
 * The `settle` of a request (see `VendorRequest.settle`): looks up, and turns the verdict into
 * the settlement, or into `already-exists` (naming the field) when the name is taken.
 */
export function settleByLookup<F, T>(scope: CallScope, settlement: LookupSettlement<F, T>): () => Promise<Settlement<T>> {
  return async () => {
    const verdict = settlement.verdict(await settlement.lookup());
    if (verdict === 'not-applied') return { applied: false };
    if (verdict !== 'taken') return { applied: true, value: verdict.applied };
    // The type lets a verdict say `taken` only when the words for it are given.
    const { field, message } = settlement.taken!;
    throw errorIn(scope.errorContext, { code: 'already-exists', field, message: `${message} (the create's answer was lost, so it was looked up)` });
  };
}
