import type { CredentialEnvNames } from '../../src/credentials/credentials.js';
import type { VendorCredentials } from '../../src/credentials/vendor-credentials.js';

/** The environment variables every Alibaba Cloud SDK and CLI reads static keys from. */
export const ALIBABA_CLOUD_ENV: CredentialEnvNames = {
  accessKeyId: 'ALIBABA_CLOUD_ACCESS_KEY_ID',
  accessKeySecret: 'ALIBABA_CLOUD_ACCESS_KEY_SECRET',
  securityToken: 'ALIBABA_CLOUD_SECURITY_TOKEN',
};

/**
 * Loads Alibaba Cloud's default chain and STS client, on the first call of a provider that
 * needs them (none given static keys or a function without `assumeRole`).
 */
export function loadAlibabaCredentials(): Promise<VendorCredentials> {
  return import('./alibaba-credential-chain.js').then((module) => module.alibabaCredentials);
}
