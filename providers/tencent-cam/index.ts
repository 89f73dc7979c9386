/**
 * `cloud-contacts/tencent-cam`: Tencent Cloud CAM message receivers
 * (CreateMessageReceiver, ListReceiver, DeleteMessageReceiver, API 2019-01-16).
 *
 * @packageDocumentation
 */
export { tencentCam } from './tencent-cam-provider.js';
export type { ResolvedTencentCamSettings, TencentCamSettings } from './tencent-cam-settings.js';
export { tencentCamCapabilities } from './tencent-cam-capabilities.js';
export type { TencentCamContact, TencentCamContactDetails, TencentCamContactInput, TencentCamProvider } from './tencent-cam-types.js';
