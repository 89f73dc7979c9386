import type { CredentialEnvNames } from '../../src/credentials/credentials.js';

/** The environment variables every Alibaba Cloud SDK and CLI reads credentials from. */
export const ALIBABA_CLOUD_ENV: CredentialEnvNames = {
  accessKeyId: 'ALIBABA_CLOUD_ACCESS_KEY_ID',
  accessKeySecret: 'ALIBABA_CLOUD_ACCESS_KEY_SECRET',
  securityToken: 'ALIBABA_CLOUD_SECURITY_TOKEN',
};
