/**
 * What the credential suite needs to know of each vendor: a provider to call, how the vendor
 * writes its profile files, its OIDC variables, its role ARNs, its token header and its
 * expired-token code. One table, so every chain step is proved the same way for all three.
 */
import type { ContactProvider } from '../../src/contract/provider.js';
import type { BaseProviderSettings, ResolvedBaseSettings } from '../../src/settings/settings.js';
import type { CredentialVendor, StsEmulatorMap } from '../../providers/testing.js';
import { alibabaResourceDirectory } from '../../providers/alibaba-resource-directory/index.js';
import { tencentCam } from '../../providers/tencent-cam/index.js';
import { volcengineVmp } from '../../providers/volcengine-vmp/index.js';
import type { CleanEnvironment } from './credential-environment.js';

/** Keys as a profile or variable holds them. */
export interface Keys {
  readonly accessKeyId: string;
  readonly accessKeySecret: string;
}

/** One vendor, as the credential suite drives it. */
export interface ChainTarget {
  readonly vendor: CredentialVendor;
  /** The product whose emulator accepts the keys. */
  readonly product: 'alibaba-resource-directory' | 'tencent-cam' | 'volcengine-vmp';
  /** Makes a provider of that product. */
  make(settings: BaseProviderSettings): ContactProvider & { readonly settings: ResolvedBaseSettings };
  /** A role's ARN (TRN) in the vendor's format. */
  roleArn(name: string): string;
  /** The variables of static keys. */
  envFor(keys: Keys): Record<string, string>;
  /** Writes a profile with these keys to the vendor's profile file (adding to those already there). */
  writeProfile(env: CleanEnvironment, name: string, keys: Keys): void;
  /** Writes a profile that assumes a role with these keys, in the vendor CLI's role mode (absent: the vendor has none). */
  writeRoleProfile?(env: CleanEnvironment, name: string, keys: Keys, roleArn: string): void;
  /** The vendor's variable naming the profile, where it has one. */
  readonly profileVariable?: string;
  /** The variables of the Kubernetes OIDC step, for a token file and a role. */
  oidcEnv(tokenFile: string, roleArn: string, sts: StsEmulatorMap[CredentialVendor]): Record<string, string>;
  /** The header that carries a temporary key's token to the product. */
  readonly tokenHeader: string;
  /** The product's answer to an expired token. */
  readonly expiredCode: string;
}

const profiles = new Map<string, Record<string, unknown>>();

/** Adds a profile to an Alibaba-style JSON config (profiles as a list) or a Volcengine-style one (profiles as an object). */
function writeJsonProfiles(env: CleanEnvironment, path: string, name: string, profile: Record<string, unknown>, asList: boolean): void {
  const key = `${env.home}:${path}`;
  const all = { ...(profiles.get(key) ?? {}), [name]: profile };
  profiles.set(key, all);
  const body = asList ? { current: 'default', profiles: Object.entries(all).map(([profileName, value]) => ({ name: profileName, ...(value as object) })) } : { current: 'default', profiles: all };
  env.write(path, JSON.stringify(body, null, 2));
}

const iniSections = new Map<string, string>();

/** The three vendors, each with the product its credentials are proved on. */
export const CHAIN_TARGETS: readonly ChainTarget[] = [
  {
    vendor: 'alibaba',
    product: 'alibaba-resource-directory',
    make: (settings) => alibabaResourceDirectory(settings),
    roleArn: (name) => `acs:ram::1234567890123456:role/${name}`,
    envFor: (keys) => ({ ALIBABA_CLOUD_ACCESS_KEY_ID: keys.accessKeyId, ALIBABA_CLOUD_ACCESS_KEY_SECRET: keys.accessKeySecret }),
    writeProfile: (env, name, keys) => writeJsonProfiles(env, '.aliyun/config.json', name, { mode: 'AK', access_key_id: keys.accessKeyId, access_key_secret: keys.accessKeySecret }, true),
    writeRoleProfile: (env, name, keys, roleArn) =>
      writeJsonProfiles(env, '.aliyun/config.json', name, { mode: 'RamRoleArn', access_key_id: keys.accessKeyId, access_key_secret: keys.accessKeySecret, ram_role_arn: roleArn, ram_session_name: 'operator' }, true),
    profileVariable: 'ALIBABA_CLOUD_PROFILE',
    oidcEnv: (tokenFile, roleArn, sts) => ({
      ALIBABA_CLOUD_ROLE_ARN: roleArn,
      ALIBABA_CLOUD_OIDC_PROVIDER_ARN: (sts as StsEmulatorMap['alibaba']).oidcProviderArn,
      ALIBABA_CLOUD_OIDC_TOKEN_FILE: tokenFile,
    }),
    tokenHeader: 'x-acs-security-token',
    expiredCode: 'InvalidSecurityToken.Expired',
  },
  {
    vendor: 'tencent',
    product: 'tencent-cam',
    make: (settings) => tencentCam(settings),
    roleArn: (name) => `qcs::cam::uin/100000000001:roleName/${name}`,
    envFor: (keys) => ({ TENCENTCLOUD_SECRET_ID: keys.accessKeyId, TENCENTCLOUD_SECRET_KEY: keys.accessKeySecret }),
    writeProfile(env, name, keys) {
      const key = env.home;
      const text = `${iniSections.get(key) ?? ''}[${name}]\nsecret_id = ${keys.accessKeyId}\nsecret_key = ${keys.accessKeySecret}\n\n`;
      iniSections.set(key, text);
      env.write('.tencentcloud/credentials', text);
    },
    oidcEnv: (tokenFile, roleArn, sts) => ({
      TKE_REGION: 'ap-guangzhou',
      TKE_PROVIDER_ID: (sts as StsEmulatorMap['tencent']).oidcProviderId,
      TKE_WEB_IDENTITY_TOKEN_FILE: tokenFile,
      TKE_ROLE_ARN: roleArn,
    }),
    tokenHeader: 'x-tc-token',
    expiredCode: 'AuthFailure.TokenFailure',
  },
  {
    vendor: 'volcengine',
    product: 'volcengine-vmp',
    make: (settings) => volcengineVmp(settings),
    roleArn: (name) => `trn:iam::2100000001:role/${name}`,
    envFor: (keys) => ({ VOLCENGINE_ACCESS_KEY: keys.accessKeyId, VOLCENGINE_SECRET_KEY: keys.accessKeySecret }),
    writeProfile: (env, name, keys) => writeJsonProfiles(env, '.volcengine/config.json', name, { mode: 'ak', 'access-key': keys.accessKeyId, 'secret-key': keys.accessKeySecret }, false),
    writeRoleProfile: (env, name, keys, roleArn) =>
      writeJsonProfiles(env, '.volcengine/config.json', name, { mode: 'ramrolearn', 'access-key': keys.accessKeyId, 'secret-key': keys.accessKeySecret, 'role-trn': roleArn }, false),
    profileVariable: 'VOLCENGINE_PROFILE',
    oidcEnv: (tokenFile, roleArn) => ({ VOLCENGINE_OIDC_ROLE_TRN: roleArn, VOLCENGINE_OIDC_TOKEN_FILE: tokenFile }),
    tokenHeader: 'x-security-token',
    expiredCode: 'InvalidSecretToken',
  },
];
