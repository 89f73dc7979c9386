/**
 * The ChatApp calls the contract methods, the sync operations and the registration methods
 * share: the listings and reads of a number, the add with its settlement, the deregister and
 * the removal (each settled by the listing when its answer is lost), and the code send.
 */
import type { PageFetcher } from '../../src/contract/paging.js';
import type { VerificationResult } from '../../src/contract/provider.js';
import { errorIn } from '../../src/errors/to-contact-error.js';
import type { CallScope, Settlement } from '../../src/transport/call-scope.js';
import { settleByLookup } from '../../src/transport/settle-by-lookup.js';
import type { LookupVerdict } from '../../src/transport/settle-by-lookup.js';
import type { ContactInput } from '../../src/model/contact.js';
import type { VendorNumber } from './alibaba-chatapp-api.js';
import type { ChatAppCaller } from './alibaba-chatapp-client.js';
import { fromVendorNumber, idOfPhone, isRegistered, toAddParams, toBusinessProfile, toContact, toProfileParams } from './alibaba-chatapp-mapper.js';
import type { AlibabaChatAppContact, ChatAppBusinessProfile } from './alibaba-chatapp-types.js';

/** Every number of the space (ChatappSyncPhoneNumber), or those of one status (QueryChatappPhoneNumbers). */
export async function listNumbers(chatApp: ChatAppCaller, scope: CallScope, space: string, status?: string): Promise<VendorNumber[]> {
  const answer =
    status === undefined
      ? await chatApp(scope, 'ChatappSyncPhoneNumber', { CustSpaceId: space })
      : await chatApp(scope, 'QueryChatappPhoneNumbers', { CustSpaceId: space, Status: status });
  return answer.PhoneNumbers ?? [];
}

/** One number of the space as the listing shows it, or undefined. */
async function findNumber(chatApp: ChatAppCaller, scope: CallScope, space: string, id: string): Promise<VendorNumber | undefined> {
  return (await listNumbers(chatApp, scope, space)).find((number) => number.PhoneNumber === id);
}

/**
 * One number of the space.
 *
 * @throws ContactError `not-found` when the listing does not have it.
 */
export async function requireNumber(chatApp: ChatAppCaller, scope: CallScope, space: string, id: string): Promise<VendorNumber> {
  const found = await findNumber(chatApp, scope, space, id);
  if (found === undefined) throw errorIn(scope.errorContext, { code: 'not-found', field: 'id', message: `${id} is not a number of customer space ${space}` });
  return found;
}

/**
 * A number with its business profile's email: what `get` and `update` resolve to. The listing
 * and the profile do not depend on each other, so they are read side by side (one round trip of
 * latency); a number not in the space is `not-found` whatever the profile read says.
 */
export async function readContact(chatApp: ChatAppCaller, scope: CallScope, space: string, id: string): Promise<AlibabaChatAppContact> {
  const [number, profile] = await Promise.allSettled([requireNumber(chatApp, scope, space, id), readProfile(chatApp, scope, space, id)]);
  if (number.status === 'rejected') throw number.reason;
  if (profile.status === 'rejected') throw profile.reason;
  return toContact(number.value, space, profile.value.email);
}

/** A number just added, as the listing shows it; should the listing lag behind the add, as the add left it. */
export async function readAdded(chatApp: ChatAppCaller, scope: CallScope, space: string, input: ContactInput): Promise<AlibabaChatAppContact> {
  return asListed(await findNumber(chatApp, scope, space, idOfPhone(input.phone ?? '')), space, input);
}

/** A number added by `input`, as `listed` shows it, or as the add left it when the listing does not show it (yet). */
export function asListed(listed: VendorNumber | undefined, space: string, input: ContactInput): AlibabaChatAppContact {
  return toContact(listed ?? { PhoneNumber: idOfPhone(input.phone ?? ''), VerifiedName: input.name, Status: 'UNVERIFIED' }, space, input.email);
}

/** The business profile of a number. */
export async function readProfile(chatApp: ChatAppCaller, scope: CallScope, space: string, id: string): Promise<ChatAppBusinessProfile> {
  return toBusinessProfile((await chatApp(scope, 'QueryPhoneBusinessProfile', { CustSpaceId: space, PhoneNumber: id })).Data);
}

/**
 * AddChatappPhoneNumber, and the profile's email when the input has one; resolves to the
 * number's id. A lost add is settled by the listing: listed with the verified name asked for,
 * the add was applied; with another name, the number is someone else's entry (`already-exists`);
 * not listed, it was not applied and may be sent again.
 */
export async function addNumber(chatApp: ChatAppCaller, scope: CallScope, space: string, input: ContactInput): Promise<string> {
  const id = idOfPhone(input.phone ?? '');
  const settle = settleByLookup(scope, {
    lookup: () => findNumber(chatApp, scope, space, id),
    verdict: (found) => (found === undefined ? 'not-applied' : found.VerifiedName?.trim() === input.name ? { applied: {} } : 'taken'),
    taken: { field: 'phone', message: 'the number is in the customer space under another verified name' },
  });
  await chatApp(scope, 'AddChatappPhoneNumber', toAddParams(space, input), { settle });
  if (input.email !== undefined) await chatApp(scope, 'ModifyPhoneBusinessProfile', toProfileParams(space, id, { email: input.email }));
  return id;
}

/**
 * The `settle` of a registration change whose answer was lost: the listing shows whether it was
 * applied (`done` says so of the number as listed, or of its absence).
 */
export function settleByListing(chatApp: ChatAppCaller, scope: CallScope, space: string, id: string, done: (number: VendorNumber | undefined) => boolean): () => Promise<Settlement<object>> {
  return settleByLookup(scope, {
    lookup: () => findNumber(chatApp, scope, space, id),
    verdict: (number): Exclude<LookupVerdict<object>, 'taken'> => (done(number) ? { applied: {} } : 'not-applied'),
  });
}

/** Deregisters a registered number; after a lost answer, the listing says whether it was done. */
export async function unregister(chatApp: ChatAppCaller, scope: CallScope, space: string, id: string): Promise<void> {
  await chatApp(scope, 'ChatappPhoneNumberDeregister', { CustSpaceId: space, PhoneNumber: id }, {
    settle: settleByListing(chatApp, scope, space, id, (number) => number === undefined || !isRegistered(number.Status)),
  });
}

/** Takes a number out of the space; a registered one is deregistered first (the vendor needs both requests). */
export async function deleteNumber(chatApp: ChatAppCaller, scope: CallScope, space: string, id: string, registered: boolean): Promise<void> {
  if (registered) await unregister(chatApp, scope, space, id);
  // The second deregister takes the unregistered number out; a retry that finds it gone is done.
  await chatApp(scope, 'ChatappPhoneNumberDeregister', { CustSpaceId: space, PhoneNumber: id }, {
    settle: settleByListing(chatApp, scope, space, id, (number) => number === undefined),
    goneOnRetry: { value: {} },
  });
}

/**
 * The listings answer every number at once: the first page costs the one request, the others are
 * cut from its answer (one request per iteration of the list). Numbers become contacts a page at
 * a time, so a listing that stops early maps only what it returns.
 */
export function pagesOfWhole(fetchAll: () => Promise<{ space: string; numbers: readonly VendorNumber[] }>, pageSize: number): PageFetcher<AlibabaChatAppContact> {
  let all: Promise<{ space: string; numbers: readonly VendorNumber[] }> | undefined;
  return async (cursor) => {
    all ??= fetchAll();
    const { space, numbers } = await all;
    const start = typeof cursor === 'number' ? cursor : 0;
    const end = start + pageSize;
    return { items: numbers.slice(start, end).map((number) => toContact(number, space)), next: end < numbers.length ? end : undefined };
  };
}

/**
 * Sends a code unless the number's code is verified already (GetPhoneNumberVerificationStatus
 * says whether one is needed), by `method` in `locale`.
 */
export async function sendCode(
  chatApp: ChatAppCaller,
  scope: CallScope,
  space: string,
  id: string,
  how: { readonly method: 'SMS' | 'VOICE'; readonly locale: 'en_US' | 'zh_CN' },
): Promise<VerificationResult> {
  const target = fromVendorNumber(id) ?? `+${id}`;
  const status = await chatApp(scope, 'GetPhoneNumberVerificationStatus', { CustSpaceId: space, PhoneNumber: id });
  if (status.Data?.CodeVerificationStatus === 'VERIFIED') return { channel: 'phone', status: 'already-verified', target };
  const answer = await chatApp(scope, 'GetChatappVerifyCode', { CustSpaceId: space, PhoneNumber: id, Method: how.method, Locale: how.locale });
  return { channel: 'phone', status: 'sent', target, ...(answer.RequestId ? { requestId: answer.RequestId } : {}) };
}
