/**
 * `cloud-contacts/alibaba-chatapp`: the WhatsApp Business numbers of an Alibaba Cloud ChatApp
 * customer space (`cams` 2020-06-06) behind the neutral contract, with the vendor's registration
 * flow, business profile and callbacks as extra methods.
 *
 * @packageDocumentation
 */
export { alibabaChatApp } from './alibaba-chatapp-provider.js';
export type { AlibabaChatAppSettings, ResolvedAlibabaChatAppSettings } from './alibaba-chatapp-settings.js';
export { alibabaChatAppCapabilities, CHATAPP_NUMBER_STATUSES, CHATAPP_VERTICALS } from './alibaba-chatapp-capabilities.js';
export type {
  AlibabaChatAppCallOptions,
  AlibabaChatAppContact,
  AlibabaChatAppContactDetails,
  AlibabaChatAppContactInput,
  AlibabaChatAppContactPatch,
  AlibabaChatAppListQuery,
  AlibabaChatAppProvider,
  AlibabaChatAppVerificationOptions,
  ChatAppBusinessProfile,
  ChatAppBusinessProfileChanges,
  ChatAppCallbacks,
  ChatAppCallingConfiguration,
  ChatAppCodeVerificationStatus,
  ChatAppHoliday,
  ChatAppMessagingLimitTier,
  ChatAppNumberStatus,
  ChatAppOperatingHours,
  ChatAppQualityRating,
  ChatAppVerificationStatus,
  ChatAppVertical,
} from './alibaba-chatapp-types.js';
