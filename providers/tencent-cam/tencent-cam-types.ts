import type { Contact } from '../../src/model/contact.js';
import type { ContactProvider } from '../../src/contract/provider.js';
import type { InputFor } from '../../src/contract/provider-input.js';
import type { SyncOperations } from '../../src/contract/sync-operations.js';
import type { tencentCamCapabilities } from './tencent-cam-capabilities.js';
import type { ResolvedTencentCamSettings } from './tencent-cam-settings.js';

/** What a CAM receiver holds beyond the neutral model. */
export interface TencentCamContactDetails {
  /** The account (uin) the receiver belongs to. */
  uin?: string;
  /** Whether this is the account's primary contact (主联系人). */
  isReceiverOwner: boolean;
  /** Whether WeChat notifications are allowed. */
  wechatEnabled: boolean;
  /** The phone's country code as CAM stores it, when it says. */
  countryCode?: string;
}

/** A contact from Tencent Cloud CAM. `email` and `phone` are masked as CAM returns them. */
export interface TencentCamContact extends Contact<TencentCamContactDetails> {
  /** What the vendor holds beyond the neutral model: always present on a contact this provider returns. */
  details: TencentCamContactDetails;
}

/**
 * What `create` takes: name, email and phone required, a remark optional, nothing else (derived
 * from the capabilities data, so the two cannot disagree).
 */
export type TencentCamContactInput = InputFor<typeof tencentCamCapabilities.fields>;

/** Tencent Cloud CAM message receivers behind the neutral contract. */
export interface TencentCamProvider extends ContactProvider<TencentCamContact, TencentCamContactInput> {
  /** The settings in use (credentials print masked). */
  readonly settings: ResolvedTencentCamSettings;
  /** What sync uses to spend fewer vendor calls (see {@link SyncOperations}). */
  readonly syncOperations: SyncOperations<TencentCamContact>;
}
