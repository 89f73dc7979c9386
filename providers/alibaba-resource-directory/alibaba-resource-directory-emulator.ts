/**
 * The emulator of Resource Directory message contacts (`ResourceDirectoryMaster` 2022-04-19),
 * served by the shared harness: `POST /` with parameters in the query, `x-acs-action` and
 * `x-acs-version` headers, ACS3-HMAC-SHA256 (or legacy V2) signatures checked, JSON answers and
 * the vendor's `{RequestId, HostId, Code, Message, Recommend}` error envelope.
 */
import { ContactError } from '../../src/errors/errors.js';
import { parsePhone } from '../../src/model/phone.js';
import type { EmulatorProtocol } from '../../src/testing/emulator-protocol.js';
import { alibabaRpcProtocol } from '../alibaba-common/alibaba-emulator-rpc.js';
import { RD_API_VERSION } from './alibaba-resource-directory-api.js';
import { RD_HANDLERS, RD_QUOTAS } from './alibaba-resource-directory-emulator-actions.js';
import { RD_ERRORS } from './alibaba-resource-directory-emulator-errors.js';
import { RdDirectory } from './alibaba-resource-directory-emulator-state.js';
import type { DeletionFailReason, SentVerification } from './alibaba-resource-directory-emulator-state.js';

export type { DeletionFailReason, SentVerification } from './alibaba-resource-directory-emulator-state.js';

const PROVIDER = 'alibaba-resource-directory';

/**
 * Test hooks of the Resource Directory emulator: what happens outside the API (a recipient
 * confirming, the directory gaining a member), never reachable over HTTP.
 */
export interface AlibabaResourceDirectoryEmulatorHooks {
  /**
   * Plays the recipient who confirms a verification message: the target (an email address, or a
   * phone number as `86-…` or E.164) becomes effective; a confirmed email activates the contact.
   * @throws ContactError `invalid-input` when no message was sent to that target or it is not pending.
   */
  confirmVerification(contactId: string, target: string): void;
  /** Adds a member (`rd-…`, `fd-…`, `r-…` or a 16-digit account) to the emulated resource directory. */
  addMember(memberId: string): void;
  /** The member ids the emulated resource directory holds. */
  members(): string[];
  /** Makes the next asynchronous deletion of a contact fail, with these reasons (default: its bound accounts). */
  failDeletion(contactId: string, reasons?: DeletionFailReason[]): void;
  /** How long an asynchronous deletion takes on the emulator clock (default 100 ms). */
  setDeletionDelay(ms: number): void;
  /** Ends every asynchronous deletion now, whatever the clock says. */
  finishDeletions(): void;
  /** The verification messages sent so far, oldest first. */
  sentVerifications(): SentVerification[];
  /** Makes throttling answers carry `x-acs-retry-after` (milliseconds), or not (`undefined`, the default). */
  setRetryAfter(ms: number | undefined): void;
  /** Behaves as the China site (only `86-` numbers, the default) or the international one. */
  setSite(site: 'china' | 'international'): void;
}

/** Creates the protocol; each call is a fresh, empty resource directory. */
export function createAlibabaResourceDirectoryProtocol(): EmulatorProtocol<AlibabaResourceDirectoryEmulatorHooks> {
  let directory = new RdDirectory();
  return alibabaRpcProtocol({
    provider: PROVIDER,
    version: RD_API_VERSION,
    hostId: 'resourcedirectory.aliyuncs.com',
    productCode: 'ResourceDirectoryMaster',
    defaultCredentials: { accessKeyId: 'LTAI5tFAKEFAKEFAKE1234', accessKeySecret: 'FAKEsecretFAKEsecretFAKEsecret12' },
    defaultRateLimit: 20,
    quotas: RD_QUOTAS,
    throttle: { code: 'Throttling.User' },
    catalogue: RD_ERRORS,
    handlers: RD_HANDLERS,
    environment: (context, now) => {
      directory.settleDeletions(now.getTime());
      return { directory, context, now };
    },
    retryAfterMs: () => directory.retryAfterMs,
    reset: () => {
      directory = new RdDirectory();
    },
    hooks: createHooks(() => directory),
  });
}

/** The hooks, over whichever directory is current (a reset replaces it). */
function createHooks(current: () => RdDirectory): AlibabaResourceDirectoryEmulatorHooks {
  const misuse = (operation: string, message: string): ContactError =>
    new ContactError({ code: 'invalid-input', provider: PROVIDER, operation: `emulator.${operation}`, message });
  return {
    confirmVerification(contactId, target) {
      const directory = current();
      const contact = directory.contacts.get(contactId);
      if (contact === undefined) throw misuse('confirmVerification', `there is no contact ${contactId}`);
      const vendorTarget = toVendorTarget(target);
      if (!directory.sent.some((sent) => sent.contactId === contactId && sent.target === vendorTarget)) {
        throw misuse('confirmVerification', `no verification message was sent to ${target} for ${contactId}: call sendVerification first`);
      }
      try {
        directory.confirm(contact, vendorTarget);
      } catch (error) {
        throw misuse('confirmVerification', (error as Error).message);
      }
    },
    addMember: (memberId) => void current().knownMembers.add(memberId),
    members: () => [...current().knownMembers],
    failDeletion: (contactId, reasons) => current().failNextDeletion(contactId, reasons),
    setDeletionDelay: (ms) => void (current().deletionDelayMs = ms),
    finishDeletions: () => current().settleDeletions(Number.POSITIVE_INFINITY),
    sentVerifications: () => current().sent.map((sent) => ({ ...sent })),
    setRetryAfter: (ms) => void (current().retryAfterMs = ms),
    setSite: (site) => void (current().site = site),
  };
}

/** An E.164 number in the vendor's `86-…` notation; anything else as given. */
function toVendorTarget(target: string): string {
  const phone = target.startsWith('+') ? parsePhone(target) : undefined;
  return phone === undefined || typeof phone === 'string' ? target : `${phone.countryCallingCode}-${phone.nationalNumber}`;
}
