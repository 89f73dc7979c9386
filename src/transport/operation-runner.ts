/**
 * The one way a provider runs its public operations: `const run = operationRunner(setup.policy)`,
 * then `run('delete', options, (scope) => ..., { retainInMembers })`. Each run checks the call's
 * options (the neutral ones and the operation's own, typed by its shape), builds the operation's
 * scope, and turns every failure into a ContactError.
 */
import { isContactError } from '../errors/errors.js';
import { toContactError } from '../errors/to-contact-error.js';
import type { ErrorContext } from '../errors/to-contact-error.js';
import { NO_OPTIONS, resolveCallOptions } from '../validation/call-options.js';
import type { NoOptions, OptionsShape, ResolvedCallOptions } from '../validation/call-options.js';
import { CallScope } from './call-scope.js';
import type { CallPolicy } from './call-scope.js';

/**
 * Runs one public operation of a provider. `own` is the checks of the operation's own options, a
 * builder per key (default: the provider's, given to {@link operationRunner}); the body reads them
 * typed from `scope.options`.
 */
export interface OperationRunner<D extends OptionsShape> {
  <T>(operation: string, options: unknown, body: (scope: CallScope<ResolvedCallOptions<D>>) => Promise<T>): Promise<T>;
  <T, S extends OptionsShape>(operation: string, options: unknown, body: (scope: CallScope<ResolvedCallOptions<S>>) => Promise<T>, own: S): Promise<T>;
}

/**
 * Makes a provider's runner from its call policy. `own` is the shape of the options every
 * operation of the provider takes besides the neutral ones (ChatApp's `{ custSpaceId }`); an
 * operation with more gives its whole shape to the run (`{ ...own, method, locale }`).
 *
 * A run checks the options (refusing unknown ones, naming where they belong), builds the scope,
 * and turns every failure into a ContactError (a cancel by the caller's signal into a
 * non-retryable `timeout` that says whether anything was sent).
 */
export function operationRunner<D extends OptionsShape = NoOptions>(policy: CallPolicy, own: D = NO_OPTIONS as D): OperationRunner<D> {
  return (<T>(operation: string, options: unknown, body: (scope: CallScope) => Promise<T>, shape: OptionsShape = own) =>
    runOperation(policy, operation, options, body, shape)) as OperationRunner<D>;
}

async function runOperation<T>(policy: CallPolicy, operation: string, options: unknown, body: (scope: CallScope) => Promise<T>, shape: OptionsShape): Promise<T> {
  // The secrets are read only when an error is built: most calls never build one.
  const context: ErrorContext = {
    provider: policy.provider,
    target: policy.target,
    operation,
    get secrets() {
      return policy.secrets();
    },
  };
  let scope: CallScope | undefined;
  try {
    scope = new CallScope(policy, operation, resolveCallOptions(options, shape, policy, context));
    return await body(scope);
  } catch (error) {
    if (scope !== undefined) throw scope.failure(error);
    throw isContactError(error) ? error : toContactError(error, context);
  } finally {
    await scope?.releaseHeld();
  }
}
