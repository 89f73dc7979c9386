/**
 * `cloud-contacts/volcengine-vmp`: Volcengine Managed Service for Prometheus (VMP) alert
 * contacts (`vmp` 2021-03-03) with their email and generic, Lark, DingTalk and WeCom webhooks,
 * behind the neutral contract, and contact groups as extra methods.
 *
 * @packageDocumentation
 */
export { volcengineVmp } from './volcengine-vmp-provider.js';
export type { ResolvedVolcengineVmpSettings, VolcengineVmpSettings } from './volcengine-vmp-settings.js';
export { volcengineVmpCapabilities } from './volcengine-vmp-capabilities.js';
export type {
  VolcengineVmpContact,
  VolcengineVmpContactDetails,
  VolcengineVmpContactInput,
  VolcengineVmpContactPatch,
  VolcengineVmpGroup,
  VolcengineVmpGroupInput,
  VolcengineVmpGroupPatch,
  VolcengineVmpGroupQuery,
  VolcengineVmpListQuery,
  VolcengineVmpProvider,
  VolcengineVmpVerificationResult,
  WebhookKind,
  WebhookTestResult,
} from './volcengine-vmp-types.js';
