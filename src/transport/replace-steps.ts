/**
 * A replace (delete, then create) as one operation, in the order that keeps the old contact
 * while the new one cannot follow: the create's daily-quota unit is held first, so a used-up
 * quota fails the replace before anything is deleted.
 */
import type { ReplaceProgress } from '../contract/sync-operations.js';
import type { CallScope } from './call-scope.js';

/** The two vendor steps of a replace, each a closure over the operation's scope. */
interface ReplaceSteps<T> {
  /** Deletes the old contact. */
  delete(): Promise<void>;
  /** Creates the new one. */
  create(): Promise<T>;
}

/**
 * Runs a replace's steps in one operation: holds the unit of `createAction`'s daily quota (when
 * the client counts one), deletes, tells `progress` the old contact is gone, creates.
 *
 * @throws ContactError `quota-exceeded` before anything is sent; else the failure of a step.
 */
export async function replaceInScope<T>(scope: CallScope, createAction: string, steps: ReplaceSteps<T>, progress?: ReplaceProgress): Promise<T> {
  await scope.holdQuota(createAction);
  await steps.delete();
  progress?.deleted();
  return steps.create();
}
