/**
 * Every provider, as the table-driven tests see it: the provider table's id, entry and factory
 * (src/model/provider-table.ts), plus what the tests need of each. A new provider adds one row to
 * that table and one here, and the packaging, README and documentation tests cover it.
 */
import type { ProviderId } from '../../src/model/contact.js';
import { PROVIDER_TABLE } from '../../src/model/provider-table.js';
import type { Capabilities } from '../../src/contract/provider.js';
import { tencentCamCapabilities } from '../../providers/tencent-cam/index.js';
import { alibabaResourceDirectoryCapabilities } from '../../providers/alibaba-resource-directory/index.js';
import { volcengineVmpCapabilities } from '../../providers/volcengine-vmp/index.js';
import { alibabaChatAppCapabilities } from '../../providers/alibaba-chatapp/index.js';

export interface LandedProvider {
  /** The provider. */
  readonly id: ProviderId;
  /** Its package subpath. */
  readonly entry: string;
  /** Its factory's export name. */
  readonly factory: string;
  /** Its capabilities, for the README matrix. */
  readonly capabilities: Capabilities;
  /** What identifies its vendor SDK among loaded module paths (none for an in-house signer). */
  readonly sdk?: RegExp;
  /** A valid input for `create`, as a JavaScript literal. */
  readonly sampleInput: string;
  /** Settings it needs against its emulator besides endpoint and credentials, as a JavaScript expression over `emulator`. */
  readonly emulatorSettings?: string;
}

export const LANDED: readonly LandedProvider[] = [
  {
    id: 'tencent-cam',
    ...PROVIDER_TABLE['tencent-cam'],
    capabilities: tencentCamCapabilities,
    sdk: /tencentcloud-sdk-nodejs/,
    sampleInput: "{ name: 'esm', email: 'esm@example.com', phone: '+8613900001234' }",
  },
  {
    id: 'alibaba-resource-directory',
    ...PROVIDER_TABLE['alibaba-resource-directory'],
    capabilities: alibabaResourceDirectoryCapabilities,
    sdk: /@alicloud/,
    sampleInput: "{ name: 'Esm', email: 'esm@example.com', title: 'Other', messageTypes: ['FaultMessage'] }",
  },
  {
    // No sdk: requests are signed in-house, so no vendor SDK is ever loaded.
    id: 'volcengine-vmp',
    ...PROVIDER_TABLE['volcengine-vmp'],
    capabilities: volcengineVmpCapabilities,
    sampleInput: "{ name: 'esm', email: 'esm@example.com', webhooks: { lark: { url: 'https://open.feishu.cn/open-apis/bot/v2/hook/esm', secret: 'esm-secret' } } }",
  },
  {
    id: 'alibaba-chatapp',
    ...PROVIDER_TABLE['alibaba-chatapp'],
    capabilities: alibabaChatAppCapabilities,
    sdk: /@alicloud/,
    sampleInput: "{ name: 'Esm Support', phone: '+8613800001234', email: 'esm@example.com' }",
    // Every ChatApp call works in a customer space: the emulator's own.
    emulatorSettings: '{ custSpaceId: emulator.custSpaceId }',
  },
];
