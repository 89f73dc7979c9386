/**
 * The emulator of ChatApp's WhatsApp phone-number APIs (`cams` 2020-06-06), served by the shared
 * harness with the Alibaba RPC protocol of `alibaba-common`: `POST /` with parameters in the query,
 * ACS3-HMAC-SHA256 (or legacy V2) signatures checked, the CAMS envelope (`Code: "OK"`, `Message`,
 * `AccessDeniedDetail`, and `Success` on the operations that have it), business failures inside it
 * with HTTP 200, and 10 requests per second per action (5 for the QR-code operations) answered with
 * `System.LimitControl`.
 */
import { ContactError } from '../../src/errors/errors.js';
import type { EmulatorProtocol } from '../../src/testing/emulator-protocol.js';
import { alibabaRpcProtocol } from '../alibaba-common/alibaba-emulator-rpc.js';
import { CHATAPP_API_VERSION } from './alibaba-chatapp-api.js';
import { alibabaChatAppCapabilities, CHATAPP_NUMBER_STATUSES } from './alibaba-chatapp-capabilities.js';
import { ACTIONS_WITH_SUCCESS, CHATAPP_HANDLERS, CHATAPP_QUOTAS } from './alibaba-chatapp-emulator-actions.js';
import { CHATAPP_ERRORS } from './alibaba-chatapp-emulator-errors.js';
import { ChatAppAccount } from './alibaba-chatapp-emulator-state.js';
import type { SentCode, StoredNumber } from './alibaba-chatapp-emulator-state.js';

export type { SentCode } from './alibaba-chatapp-emulator-state.js';

const PROVIDER = 'alibaba-chatapp';
/** The customer space every fresh emulator has (the same after a reset). */
const DEFAULT_SPACE = 'cams-FAKEspace0001';

/** What Meta may change about a number, besides its status and quality rating. */
export interface ChatAppNumberChanges {
  /** `TIER_250`, `TIER_1K`, … */
  messagingLimitTier?: string;
  /** The review status of the verified name. */
  nameStatus?: string;
  /** The review status of a requested new name; `null` clears it. */
  newNameStatus?: string | null;
  /** Whether the number is an Official Business Account. */
  official?: boolean;
  /** `CallingConfigure` in the vendor's shape (as ChatappSyncPhoneNumber shows it); `null` clears it. */
  callingConfigure?: object | null;
}

/**
 * Test hooks of the ChatApp emulator: what happens outside the API (a customer space created in
 * the console, a code read off the phone, Meta rating or restricting a number), never reachable
 * over HTTP. Numbers are named as the vendor writes them (`8613800001234`) or in E.164.
 */
export interface AlibabaChatAppEmulatorHooks {
  /** The customer space the emulator starts with (the same after `reset()`). */
  readonly custSpaceId: string;
  /** Adds another customer space to the account; resolves to its id. */
  addCustSpace(id?: string): string;
  /** The account's customer spaces. */
  custSpaces(): string[];
  /**
   * The last code sent to a number (plays its owner reading the SMS), or undefined.
   */
  verificationCode(phoneNumber: string): string | undefined;
  /** Every code sent so far, oldest first. */
  sentCodes(): SentCode[];
  /**
   * Sets a number's `Status` as Meta would (`FLAGGED`, `RESTRICTED`, `BANNED`, …).
   * @throws ContactError `invalid-input` for an unknown number or status.
   */
  setStatus(phoneNumber: string, status: string): void;
  /** Sets a number's quality rating as Meta would (`GREEN`, `YELLOW`, `RED`, `UNKNOWN`). */
  setQualityRating(phoneNumber: string, rating: string): void;
  /** Changes what else Meta decides about a number. */
  setNumberDetails(phoneNumber: string, changes: ChatAppNumberChanges): void;
  /**
   * Plays the 14 days a verification holds passing: the number's code status reads `EXPIRED` (it
   * stays registered, but cannot register again without a new code).
   */
  expireVerification(phoneNumber: string): void;
  /** Makes a number belong to another account: adding it is then `Unknown.ResourceOwnerId`. */
  holdElsewhere(phoneNumber: string): void;
}

/** Creates the protocol; each call is a fresh account with one customer space. */
export function createAlibabaChatAppProtocol(): EmulatorProtocol<AlibabaChatAppEmulatorHooks> {
  let account = new ChatAppAccount(DEFAULT_SPACE);
  const fivePerSecond = alibabaChatAppCapabilities.rateLimits.find((limit) => limit.perSecond === 5)!;
  return alibabaRpcProtocol({
    provider: PROVIDER,
    version: CHATAPP_API_VERSION,
    hostId: 'cams.ap-southeast-1.aliyuncs.com',
    productCode: 'cams',
    defaultCredentials: { accessKeyId: 'LTAI5tFAKECAMSFAKE1234', accessKeySecret: 'FAKEcamsSecretFAKEcamsSecret1234' },
    defaultRateLimit: 10,
    actionRateLimits: Object.fromEntries(fivePerSecond.operations.map((action) => [action, fivePerSecond.perSecond])),
    quotas: CHATAPP_QUOTAS,
    throttle: { code: 'System.LimitControl' },
    catalogue: CHATAPP_ERRORS,
    handlers: CHATAPP_HANDLERS,
    environment: (context, now) => ({ account, context, now }),
    successFields: (action) => ({ Code: 'OK', Message: 'None', AccessDeniedDetail: 'None', ...(ACTIONS_WITH_SUCCESS.has(action) ? { Success: true } : {}) }),
    businessErrorBody: (code, message, requestId) => ({ RequestId: requestId, Code: code, Message: message, AccessDeniedDetail: 'None' }),
    reset: () => {
      account = new ChatAppAccount(DEFAULT_SPACE);
    },
    hooks: createHooks(() => account),
  });
}

/** The hooks, over whichever account is current (a reset replaces it). */
function createHooks(current: () => ChatAppAccount): AlibabaChatAppEmulatorHooks {
  const misuse = (operation: string, message: string): ContactError =>
    new ContactError({ code: 'invalid-input', provider: PROVIDER, operation: `emulator.${operation}`, message });
  const stored = (operation: string, phoneNumber: string): StoredNumber => {
    const number = vendorNumber(phoneNumber);
    const space = current().spaceOf(number);
    const found = space === undefined ? undefined : current().spaces.get(space)?.get(number);
    if (found === undefined) throw misuse(operation, `there is no number ${phoneNumber} in any customer space`);
    return found;
  };
  let spaces = 1;
  return {
    custSpaceId: DEFAULT_SPACE,
    addCustSpace(id) {
      spaces += 1;
      const spaceId = id ?? `cams-FAKEspace${String(spaces).padStart(4, '0')}`;
      if (current().spaces.has(spaceId)) throw misuse('addCustSpace', `there is a customer space ${spaceId} already`);
      current().spaces.set(spaceId, new Map());
      return spaceId;
    },
    custSpaces: () => [...current().spaces.keys()],
    verificationCode: (phoneNumber) => current().sent.filter((sent) => sent.phoneNumber === vendorNumber(phoneNumber)).at(-1)?.code,
    sentCodes: () => current().sent.map((sent) => ({ ...sent })),
    setStatus(phoneNumber, status) {
      if (!(CHATAPP_NUMBER_STATUSES as readonly string[]).includes(status)) throw misuse('setStatus', `${status} is not a number status (${CHATAPP_NUMBER_STATUSES.join(', ')})`);
      stored('setStatus', phoneNumber).status = status;
    },
    setQualityRating(phoneNumber, rating) {
      if (!['GREEN', 'YELLOW', 'RED', 'UNKNOWN'].includes(rating)) throw misuse('setQualityRating', `${rating} is not a quality rating (GREEN, YELLOW, RED, UNKNOWN)`);
      stored('setQualityRating', phoneNumber).qualityRating = rating;
    },
    setNumberDetails(phoneNumber, changes) {
      const number = stored('setNumberDetails', phoneNumber);
      if (changes.messagingLimitTier !== undefined) number.messagingLimitTier = changes.messagingLimitTier;
      if (changes.nameStatus !== undefined) number.nameStatus = changes.nameStatus;
      if (changes.newNameStatus !== undefined) number.newNameStatus = changes.newNameStatus ?? undefined;
      if (changes.official !== undefined) number.official = changes.official;
      if (changes.callingConfigure !== undefined) number.calling = changes.callingConfigure ?? undefined;
    },
    expireVerification(phoneNumber) {
      const number = stored('expireVerification', phoneNumber);
      if (number.verifiedAt === undefined) throw misuse('expireVerification', `${phoneNumber} was never verified`);
      // Verified at the epoch: expired on any clock a test runs with.
      number.verifiedAt = 0;
    },
    holdElsewhere: (phoneNumber) => void current().foreign.add(vendorNumber(phoneNumber)),
  };
}

/** A number in E.164 or as the vendor writes it → as the vendor writes it. */
function vendorNumber(phoneNumber: string): string {
  return phoneNumber.trim().replace(/^\+/, '');
}
