import type { SyncOperations } from '../../src/contract/sync-operations.js';
import type { Contact } from '../../src/model/contact.js';
import type { CallOptions, ContactList, ContactProvider, ListQuery, VerificationChannel, VerificationResult } from '../../src/contract/provider.js';
import type { InputFor, PatchFor } from '../../src/contract/provider-input.js';
import type { alibabaChatAppCapabilities, CHATAPP_NUMBER_STATUSES, CHATAPP_VERTICALS } from './alibaba-chatapp-capabilities.js';
import type { ResolvedAlibabaChatAppSettings } from './alibaba-chatapp-settings.js';

/** A value the vendor documents, or another it may add later (kept as it came). */
type Open<T extends string> = T | (string & {});

/** A number's `Status` as the vendor (and Meta) reports it. */
export type ChatAppNumberStatus = (typeof CHATAPP_NUMBER_STATUSES)[number];

/** A business category of the business profile. */
export type ChatAppVertical = (typeof CHATAPP_VERTICALS)[number];

/** Meta's rating of the messages a number sends. */
export type ChatAppQualityRating = Open<'GREEN' | 'YELLOW' | 'RED' | 'UNKNOWN'>;

/** How many people a number may start conversations with in a day. */
export type ChatAppMessagingLimitTier = Open<'TIER_50' | 'TIER_250' | 'TIER_1K' | 'TIER_10K' | 'TIER_100K' | 'TIER_UNLIMITED'>;

/** Whether the number's ownership code was verified. */
export type ChatAppCodeVerificationStatus = Open<'VERIFIED' | 'NOT_VERIFIED' | 'EXPIRED' | 'REJECTED' | 'MORE_INFORMATION_REQUESTED' | 'REVOKED'>;

/** Opening hours of one weekday for calls. */
export interface ChatAppOperatingHours {
  /** `MONDAY` … `SUNDAY`, as the vendor writes it. */
  dayOfWeek?: string;
  /** `HHmm` or `HH:mm`, as the vendor writes it. */
  openTime?: string;
  /** As `openTime`. */
  closeTime?: string;
}

/** A day with other calling hours. */
export interface ChatAppHoliday {
  /** The date, as the vendor writes it. */
  date?: string;
  /** When calls open that day. */
  startTime?: string;
  /** When calls close that day. */
  endTime?: string;
}

/** A number's WhatsApp calling settings (`CallingConfigure`). */
export interface ChatAppCallingConfiguration {
  /** Where call events are posted. */
  callbackUrl?: string;
  /** The longest call, as the vendor counts it. */
  maxTalkTime?: number;
  /** Whether calling is enabled (`ENABLED` / `DISABLED`). */
  status?: string;
  /** Whether the call icon shows in chats. */
  callIconVisibility?: string;
  /** Whether customers may be asked for call-back permission. */
  callbackPermissionStatus?: string;
  /** When calls are taken. */
  callHours?: {
    /** Whether the hours apply. */
    status?: string;
    /** The IANA time zone of the hours. */
    timezoneId?: string;
    /** Hours per weekday. */
    weeklyOperatingHours: ChatAppOperatingHours[];
    /** Days with other hours. */
    holidaySchedule: ChatAppHoliday[];
  };
}

/** ChatApp fields of a number that the neutral model has no place for. */
export interface AlibabaChatAppContactDetails {
  /** The customer space the number is in. */
  custSpaceId: string;
  /** The vendor's `Status`, of which `status` is the nearest neutral state. */
  vendorStatus: Open<ChatAppNumberStatus>;
  /** Meta's quality rating. */
  qualityRating?: ChatAppQualityRating;
  /** The daily conversation tier. */
  messagingLimitTier?: ChatAppMessagingLimitTier;
  /** Whether the ownership code was verified (also in `verification.phone`). */
  codeVerificationStatus?: ChatAppCodeVerificationStatus;
  /** The review status of the verified name. */
  nameStatus?: string;
  /** The review status of a requested new name. */
  newNameStatus?: string;
  /** Where delivery reports are posted. */
  statusCallbackUrl?: string;
  /** Where inbound messages are posted. */
  inboundCallbackUrl?: string;
  /** The message queue that receives delivery reports. */
  statusQueue?: string;
  /** The message queue that receives inbound messages. */
  inboundQueue?: string;
  /** Whether Meta made it an Official Business Account (the green tick). */
  officialBusiness?: boolean;
  /** WhatsApp calling settings, where the vendor reports them. */
  calling?: ChatAppCallingConfiguration;
}

/** A WhatsApp Business number in a ChatApp customer space. */
export interface AlibabaChatAppContact extends Contact<AlibabaChatAppContactDetails> {
  /** What the vendor holds beyond the neutral model: always present on a contact this provider returns. */
  details: AlibabaChatAppContactDetails;
}

/** What `create` takes: the verified name and the number, an email optional (derived from the capabilities data). */
export type AlibabaChatAppContactInput = InputFor<typeof alibabaChatAppCapabilities.fields>;

/** What `update` takes: the business profile's email. */
export type AlibabaChatAppContactPatch = PatchFor<typeof alibabaChatAppCapabilities.fields>;

/** The option every call of this provider takes. */
export interface AlibabaChatAppCallOptions extends CallOptions {
  /** The customer space of this call, instead of the `custSpaceId` setting. */
  custSpaceId?: string | undefined;
}

/** Options of `sendVerification`. */
export interface AlibabaChatAppVerificationOptions extends AlibabaChatAppCallOptions {
  /** How the code reaches the number: a text message or a voice call. @default 'SMS' */
  method?: 'SMS' | 'VOICE' | undefined;
  /** The language of the message. @default 'en_US' */
  locale?: 'en_US' | 'zh_CN' | undefined;
}

/** What `list` can be asked for: the neutral paging plus a filter by the vendor's status. */
export interface AlibabaChatAppListQuery extends ListQuery {
  /** Only numbers with this vendor `Status` (QueryChatappPhoneNumbers); default: every number (ChatappSyncPhoneNumber). */
  status?: ChatAppNumberStatus | undefined;
}

/** A number's code verification, as GetPhoneNumberVerificationStatus reports it. */
export interface ChatAppVerificationStatus {
  /** The number in E.164. */
  phone: string;
  /** Meta's id of the number, when the vendor gives it. */
  phoneNumberId?: string;
  /** The vendor's status. */
  codeVerificationStatus: ChatAppCodeVerificationStatus;
  /** Whether a new code is needed before the number can be registered. */
  needsCode: boolean;
}

/** A number's WhatsApp business profile. */
export interface ChatAppBusinessProfile {
  /** The "about" text. */
  about?: string;
  /** The business address. */
  address?: string;
  /** The business description. */
  description?: string;
  /** The contact email (also the contact's `email`). */
  email?: string;
  /** The profile picture's URL. */
  profilePictureUrl?: string;
  /** The business category. */
  vertical?: Open<ChatAppVertical>;
  /** The business's websites (http or https). */
  websites: string[];
}

/** A change to a business profile: each given field replaces the stored one. */
export type ChatAppBusinessProfileChanges = Partial<Omit<ChatAppBusinessProfile, 'vertical'>> & {
  /** The business category. */
  vertical?: ChatAppVertical;
};

/** Where the vendor reports a number's traffic (UpdatePhoneWebhook). */
export interface ChatAppCallbacks {
  /** Where delivery reports are posted (http or https). */
  statusCallbackUrl?: string;
  /** Where inbound messages are posted (http or https). */
  inboundCallbackUrl?: string;
  /** Whether the vendor posts to the URLs. */
  http?: boolean;
  /** Whether the vendor also puts the reports and messages on its message queues. */
  queue?: boolean;
}

/**
 * The ChatApp phone-number provider: the neutral contract plus the vendor's registration flow,
 * business profile and callbacks. Every method takes `{ custSpaceId }` in its options.
 */
export interface AlibabaChatAppProvider
  extends ContactProvider<AlibabaChatAppContact, AlibabaChatAppContactInput, AlibabaChatAppListQuery, AlibabaChatAppContactPatch> {
  /** The settings in use (credentials print masked). */
  readonly settings: ResolvedAlibabaChatAppSettings;
  /** What sync uses to spend fewer vendor calls (see {@link SyncOperations}). */
  readonly syncOperations: SyncOperations<AlibabaChatAppContact>;
  /**
   * Sends the number a verification code (GetChatappVerifyCode), unless its code is already
   * verified (`already-verified`, nothing sent).
   * @throws ContactError `unsupported` for a channel other than `phone`; `not-found`; and the transport codes.
   */
  sendVerification(id: string, channel: VerificationChannel, options?: AlibabaChatAppVerificationOptions): Promise<VerificationResult>;
  /**
   * Reports whether the number's code is verified (GetPhoneNumberVerificationStatus); a
   * verification is normally valid for 14 days.
   * @throws ContactError `not-found`, and the transport codes.
   */
  verificationStatus(id: string, options?: AlibabaChatAppCallOptions): Promise<ChatAppVerificationStatus>;
  /**
   * Submits the code the number received and registers it (ChatappVerifyAndRegister); resolves to
   * the number as it is then.
   * @throws ContactError `invalid-input` (`field: 'code'`) for a wrong or used code; `not-found`; and the transport codes.
   */
  verifyAndRegister(id: string, code: string, options?: AlibabaChatAppCallOptions): Promise<AlibabaChatAppContact>;
  /**
   * Registers a number whose code is verified (ChatappPhoneNumberRegister).
   * @throws ContactError `conflict` when its code is not verified; `not-found`; and the transport codes.
   */
  register(id: string, options?: AlibabaChatAppCallOptions): Promise<AlibabaChatAppContact>;
  /**
   * Deregisters a registered number (ChatappPhoneNumberDeregister): it stays in the customer space,
   * `inactive` (`DISCONNECTED`), and `register` brings it back while its verification holds.
   * @throws ContactError `conflict` when it is not registered (`delete` removes such a number); `not-found`; and the transport codes.
   */
  deregister(id: string, options?: AlibabaChatAppCallOptions): Promise<AlibabaChatAppContact>;
  /**
   * Reads the number's business profile (QueryPhoneBusinessProfile).
   * @throws ContactError `not-found`, and the transport codes.
   */
  businessProfile(id: string, options?: AlibabaChatAppCallOptions): Promise<ChatAppBusinessProfile>;
  /**
   * Changes the business profile (ModifyPhoneBusinessProfile); resolves to it as it is then.
   * @throws ContactError `invalid-input` (an unknown vertical, a website that is not http(s), an
   * unknown key); `not-found`; and the transport codes.
   */
  updateBusinessProfile(id: string, changes: ChatAppBusinessProfileChanges, options?: AlibabaChatAppCallOptions): Promise<ChatAppBusinessProfile>;
  /**
   * Sets where the vendor reports the number's delivery reports and inbound messages
   * (UpdatePhoneWebhook); resolves to the number as it is then.
   * @throws ContactError `invalid-input` (a URL that is not http(s), an unknown key); `not-found`; and the transport codes.
   */
  updateCallbacks(id: string, callbacks: ChatAppCallbacks, options?: AlibabaChatAppCallOptions): Promise<AlibabaChatAppContact>;
  // The contract's methods, each taking the `custSpaceId` option.
  /**
   * Adds a number to the customer space (AddChatappPhoneNumber), with its profile email if given.
   * @throws ContactError `invalid-input`, `unsupported`, `already-exists`, `permission-denied` (a number of another account), `quota-exceeded`, and the transport codes.
   */
  create(input: AlibabaChatAppContactInput, options?: AlibabaChatAppCallOptions): Promise<AlibabaChatAppContact>;
  /**
   * Reads one number, with its profile email.
   * @throws ContactError `not-found`, and the transport codes.
   */
  get(id: string, options?: AlibabaChatAppCallOptions): Promise<AlibabaChatAppContact>;
  /**
   * Changes the profile email; resolves to the number as it is then.
   * @throws ContactError `not-found`, `invalid-input`, `unsupported`, and the transport codes.
   */
  update(id: string, patch: AlibabaChatAppContactPatch, options?: AlibabaChatAppCallOptions): Promise<AlibabaChatAppContact>;
  /**
   * Takes the number out of the customer space: a registered number is deregistered first
   * (ChatappPhoneNumberDeregister, twice).
   * @throws ContactError `not-found`, and the transport codes.
   */
  delete(id: string, options?: AlibabaChatAppCallOptions): Promise<void>;
  /** Lists the numbers of the customer space (all in one vendor request), optionally of one vendor status. */
  list(query?: AlibabaChatAppListQuery, options?: AlibabaChatAppCallOptions): ContactList<AlibabaChatAppContact>;
  /** Finds the first number with this verified name; `undefined` when there is none. */
  findByName(name: string, options?: AlibabaChatAppCallOptions): Promise<AlibabaChatAppContact | undefined>;
}
