/**
 * `cloud-contacts/testing`: local emulators of the vendor APIs, real HTTP servers on 127.0.0.1
 * that check signatures, keep state, enforce the vendors' rules and inject faults, so code
 * that uses cloud-contacts can be tested offline without a cloud account.
 *
 * @remarks This entry lives beside the providers, not in `src/`, because it is the one place
 * that knows every vendor's emulator; the shared harness it serves them with is in `src/testing`.
 *
 * @packageDocumentation
 */
import type { ProviderId } from '../src/model/contact.js';
import { PROVIDER_IDS } from '../src/model/contact.js';
import { ContactError } from '../src/errors/errors.js';
import { ownValue } from '../src/util/own-value.js';
import type { Emulator, EmulatorOptions } from '../src/testing/emulator-types.js';
import { startEmulatorServer } from '../src/testing/emulator-server.js';
import type { EmulatorProtocol } from '../src/testing/emulator-protocol.js';
import type { TencentCamEmulator } from './tencent-cam/tencent-cam-emulator.js';
import type { AlibabaResourceDirectoryEmulatorHooks } from './alibaba-resource-directory/alibaba-resource-directory-emulator.js';
import type { VolcengineVmpEmulator } from './volcengine-vmp/volcengine-vmp-emulator.js';
import type { AlibabaChatAppEmulatorHooks } from './alibaba-chatapp/alibaba-chatapp-emulator.js';
import type { StsEmulatorHooks, StsEmulatorOptions } from '../src/testing/sts-roles.js';
import type { MetadataEmulatorHooks, MetadataEmulatorOptions } from '../src/testing/instance-role.js';
import type { AlibabaStsEmulatorHooks } from './alibaba-common/alibaba-sts-emulator.js';
import type { TencentStsEmulatorHooks } from './tencent-cam/tencent-cam-sts-emulator.js';

export type { TencentCamEmulator, TencentCamEmulatorHooks } from './tencent-cam/tencent-cam-emulator.js';
export type {
  AlibabaResourceDirectoryEmulatorHooks,
  DeletionFailReason,
  SentVerification,
} from './alibaba-resource-directory/alibaba-resource-directory-emulator.js';
export type { SentMail, VolcengineVmpEmulator, VolcengineVmpEmulatorHooks, WebhookOutcome } from './volcengine-vmp/volcengine-vmp-emulator.js';
export type { AlibabaChatAppEmulatorHooks, ChatAppNumberChanges, SentCode } from './alibaba-chatapp/alibaba-chatapp-emulator.js';
export type { EmulatedRole, IssuedSession, StsEmulatorHooks, StsEmulatorOptions } from '../src/testing/sts-roles.js';
export type { MetadataEmulatorHooks, MetadataEmulatorOptions } from '../src/testing/instance-role.js';
export type { AlibabaStsEmulatorHooks } from './alibaba-common/alibaba-sts-emulator.js';
export type { TencentStsEmulatorHooks } from './tencent-cam/tencent-cam-sts-emulator.js';
export type {
  CredentialServiceId,
  EmulatedServiceId,
  Emulator,
  EmulatorCredentials,
  EmulatorFault,
  EmulatorOptions,
  FaultFilter,
  RecordedRequest,
} from '../src/testing/emulator-types.js';

/** The emulator type of each provider, with its test hooks. */
export interface EmulatorMap {
  /** Tencent Cloud CAM message receivers. */
  'tencent-cam': TencentCamEmulator;
  /** Alibaba Cloud Resource Directory message contacts, with hooks to confirm verifications, add members and steer deletions. */
  'alibaba-resource-directory': Emulator & AlibabaResourceDirectoryEmulatorHooks;
  /** Volcengine VMP alert contacts and groups, with hooks to confirm emails and steer the chat platforms' answers. */
  'volcengine-vmp': VolcengineVmpEmulator;
  /** Alibaba Cloud ChatApp phone numbers, with its customer space and hooks to read codes and play Meta. */
  'alibaba-chatapp': Emulator & AlibabaChatAppEmulatorHooks;
}

type ProtocolFactory = () => EmulatorProtocol<object>;

/** Loads each vendor emulator on demand, so starting one never loads the others. */
const EMULATORS = {
  'tencent-cam': () => import('./tencent-cam/tencent-cam-emulator.js').then((module) => module.createTencentCamProtocol),
  'alibaba-resource-directory': () =>
    import('./alibaba-resource-directory/alibaba-resource-directory-emulator.js').then((module) => module.createAlibabaResourceDirectoryProtocol),
  'volcengine-vmp': () => import('./volcengine-vmp/volcengine-vmp-emulator.js').then((module) => module.createVolcengineVmpProtocol),
  'alibaba-chatapp': () => import('./alibaba-chatapp/alibaba-chatapp-emulator.js').then((module) => module.createAlibabaChatAppProtocol),
} satisfies Record<ProviderId, () => Promise<ProtocolFactory>>;

/**
 * Starts the emulator of one provider on 127.0.0.1 and resolves once it listens.
 *
 * @example
 * ```ts
 * const emulator = await startEmulator('tencent-cam');
 * const cam = tencentCam({ endpoint: emulator.endpoint, credentials: emulator.credentials });
 * await cam.create({ name: 'oncall', email: 'oncall@example.com', phone: '+8613900001234' });
 * await emulator.close();
 * ```
 * @throws ContactError `invalid-config` for bad options or an unknown provider.
 */
export async function startEmulator<P extends ProviderId>(provider: P, options: EmulatorOptions = {}): Promise<EmulatorMap[P]> {
  const load = ownValue(EMULATORS, provider);
  if (load === undefined) {
    throw new ContactError({ code: 'invalid-config', operation: 'startEmulator', message: `unknown provider ${JSON.stringify(provider)} (known: ${PROVIDER_IDS.join(', ')})` });
  }
  const createProtocol = await load();
  return (await startEmulatorServer(createProtocol(), options)) as EmulatorMap[P];
}

/** Every provider's emulator, running, and one function that closes them all. */
export interface RunningEmulators {
  /** The emulators, by provider. */
  readonly emulators: { readonly [P in ProviderId]: EmulatorMap[P] };
  /** Closes every emulator started. */
  close(): Promise<void>;
}

/**
 * Starts the emulator of every provider, each on its own ephemeral port.
 *
 * @param options - options for all of them (`port` is ignored); `perProvider` overrides them per provider.
 *
 * @example
 * ```ts
 * const { emulators, close } = await startEmulators();
 * const cam = tencentCam({ endpoint: emulators['tencent-cam'].endpoint, credentials: emulators['tencent-cam'].credentials });
 * await close();
 * ```
 */
export async function startEmulators(options: Omit<EmulatorOptions, 'port'> & { perProvider?: { [P in ProviderId]?: EmulatorOptions } } = {}): Promise<RunningEmulators> {
  const { perProvider, ...shared } = options;
  const byProvider: Partial<Record<ProviderId, Emulator>> = {};
  const close = async (): Promise<void> => {
    await Promise.all(Object.values(byProvider).map((emulator) => emulator.close()));
  };
  try {
    for (const provider of PROVIDER_IDS) byProvider[provider] = await startEmulator(provider, { ...shared, ...perProvider?.[provider] });
  } catch (error) {
    await close();
    throw error;
  }
  return { emulators: byProvider as RunningEmulators['emulators'], close };
}

/** A vendor whose STS and instance metadata service are emulated. */
export type CredentialVendor = 'alibaba' | 'tencent' | 'volcengine';

/** The STS emulator of each vendor, with its test hooks. */
export interface StsEmulatorMap {
  /** Alibaba Cloud STS: `AssumeRole`, `AssumeRoleWithOIDC`. */
  alibaba: Emulator<'alibaba-sts'> & AlibabaStsEmulatorHooks;
  /** Tencent Cloud STS: `AssumeRole`, `AssumeRoleWithWebIdentity`. */
  tencent: Emulator<'tencent-sts'> & TencentStsEmulatorHooks;
  /** Volcengine STS: `AssumeRole`, `AssumeRoleWithOIDC`. */
  volcengine: Emulator<'volcengine-sts'> & StsEmulatorHooks;
}

/** A running instance metadata emulator: a real HTTP server, with its hooks (it takes no keys). */
export type MetadataEmulator<V extends CredentialVendor = CredentialVendor> = Omit<Emulator<`${V}-metadata`>, 'credentials' | 'environment'> & MetadataEmulatorHooks;

const STS_EMULATORS = {
  alibaba: () => import('./alibaba-common/alibaba-sts-emulator.js').then((module) => module.createAlibabaStsProtocol),
  tencent: () => import('./tencent-cam/tencent-cam-sts-emulator.js').then((module) => module.createTencentStsProtocol),
  volcengine: () => import('./volcengine-vmp/volcengine-vmp-sts-emulator.js').then((module) => module.createVolcengineStsProtocol),
} satisfies Record<CredentialVendor, unknown>;

const METADATA_EMULATORS = {
  alibaba: () => import('./alibaba-common/alibaba-metadata-emulator.js').then((module) => module.createAlibabaMetadataProtocol),
  tencent: () => import('./tencent-cam/tencent-cam-metadata-emulator.js').then((module) => module.createTencentMetadataProtocol),
  volcengine: () => import('./volcengine-vmp/volcengine-vmp-metadata-emulator.js').then((module) => module.createVolcengineMetadataProtocol),
} satisfies Record<CredentialVendor, unknown>;

function unknownVendor(vendor: unknown, operation: string): ContactError {
  return new ContactError({ code: 'invalid-config', operation, message: `unknown vendor ${JSON.stringify(vendor)} (known: alibaba, tencent, volcengine)` });
}

/**
 * Starts a vendor's STS emulator on 127.0.0.1: `AssumeRole` and the OIDC exchange, with a trust
 * rule per role, issuing temporary keys every product emulator of that vendor accepts (with the
 * vendor's security-token header) until they expire on the emulators' clock. Point a provider's
 * `stsEndpoint` setting at its `endpoint`.
 *
 * @example
 * ```ts
 * const sts = await startStsEmulator('alibaba', { roles: [{ arn: 'acs:ram::1234567890123456:role/ops' }] });
 * const rd = alibabaResourceDirectory({ endpoint: rdEmulator.endpoint, stsEndpoint: sts.endpoint, credentials: sts.credentials,
 *   assumeRole: { roleArn: 'acs:ram::1234567890123456:role/ops' } });
 * ```
 * @throws ContactError `invalid-config` for an unknown vendor or bad options.
 */
export async function startStsEmulator<V extends CredentialVendor>(vendor: V, options: StsEmulatorOptions = {}): Promise<StsEmulatorMap[V]> {
  const load = ownValue(STS_EMULATORS, vendor);
  if (load === undefined) throw unknownVendor(vendor, 'startStsEmulator');
  const create = (await load()) as (options: StsEmulatorOptions) => EmulatorProtocol<object, `${V}-sts`>;
  const { roles: _roles, ...serverOptions } = options;
  return (await startEmulatorServer(create(options), serverOptions)) as unknown as StsEmulatorMap[V];
}

/**
 * Starts a vendor's instance metadata emulator on 127.0.0.1: the instance's role name and its
 * temporary keys (behind Alibaba's and Volcengine's IMDSv2 session token), which every product
 * emulator of that vendor accepts. Point a provider's `metadataEndpoint` setting at its `endpoint`.
 *
 * @throws ContactError `invalid-config` for an unknown vendor or bad options.
 */
export async function startMetadataEmulator<V extends CredentialVendor>(vendor: V, options: MetadataEmulatorOptions = {}): Promise<MetadataEmulator<V>> {
  const load = ownValue(METADATA_EMULATORS, vendor);
  if (load === undefined) throw unknownVendor(vendor, 'startMetadataEmulator');
  const create = (await load()) as (options: MetadataEmulatorOptions) => EmulatorProtocol<MetadataEmulatorHooks, `${V}-metadata`>;
  const emulator: { -readonly [K in keyof Emulator]?: unknown } = await startEmulatorServer(create(options), { ...(options.port === undefined ? {} : { port: options.port }), ...(options.now === undefined ? {} : { now: options.now }) });
  // A metadata service takes no keys: the harness's key pair means nothing here.
  delete emulator.credentials;
  delete emulator.environment;
  return emulator as MetadataEmulator<V>;
}
