/**
 * What the core knows of each provider without loading its code: the package entry it lives in
 * and its factory's name. The CLI, `cloud-contacts/testing` and the test suites read this one
 * table; a test checks the build's entries and the package's `exports` against it.
 */
import type { ProviderId } from './contact.js';

/** One provider, as the core knows it. */
interface ProviderTableEntry {
  /** The package subpath of its factory, types and capabilities. */
  readonly entry: `cloud-contacts/${ProviderId}`;
  /** The name its entry exports the factory under. */
  readonly factory: string;
  /** The vendor product, in words. */
  readonly product: string;
}

/** Every provider of the package, by id. */
export const PROVIDER_TABLE = {
  'tencent-cam': { entry: 'cloud-contacts/tencent-cam', factory: 'tencentCam', product: 'Tencent Cloud CAM message receivers' },
  'alibaba-resource-directory': {
    entry: 'cloud-contacts/alibaba-resource-directory',
    factory: 'alibabaResourceDirectory',
    product: 'Alibaba Cloud Resource Directory message contacts',
  },
  'volcengine-vmp': { entry: 'cloud-contacts/volcengine-vmp', factory: 'volcengineVmp', product: 'Volcengine Managed Prometheus alert contacts' },
  'alibaba-chatapp': { entry: 'cloud-contacts/alibaba-chatapp', factory: 'alibabaChatApp', product: 'Alibaba Cloud ChatApp WhatsApp numbers' },
} as const satisfies Readonly<Record<ProviderId, ProviderTableEntry>>;
