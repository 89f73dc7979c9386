/**
 * Alibaba Cloud's default credential chain, in the order of the vendor's credentials library
 * (`DefaultCredentialsProvider`): environment variables, an OIDC token (ACK's RRSA), the CLI's
 * profile, the SDKs' credentials file, the ECS instance's RAM role, a credentials URI; and STS
 * `AssumeRole` for the `assumeRole` setting. Loaded on first use only.
 * https://github.com/aliyun/credentials-nodejs (src/providers/default.ts)
 */
import type { ChainStep } from '../../src/credentials/credential-chain.js';
import { credentialError } from '../../src/credentials/credential-errors.js';
import { envFlag, envValue, inHome, parseIni, parseJsonFile, readOptionalFile, readTokenFile, shownPath, textField } from '../../src/credentials/credential-inputs.js';
import { issuedKeyProvider } from '../../src/credentials/key-providers.js';
import { environmentStep, variableGroup } from '../../src/credentials/chain-steps.js';
import type { CredentialOptions, VendorCredentials } from '../../src/credentials/vendor-credentials.js';
import { ALIBABA_CLOUD_ENV } from './alibaba-credentials.js';
import { cliProfileKeys, iniProfileKeys } from './alibaba-credential-profiles.js';
import { uriKeys } from './alibaba-instance-metadata.js';
import { instanceRoleStep } from './alibaba-instance-role.js';
import { alibabaAssumeRole, alibabaAssumeRoleWithOidc } from './alibaba-sts-client.js';

/** The vendor's OIDC variables (RRSA sets them in the pod). */
const OIDC_ENV = { roleArn: 'ALIBABA_CLOUD_ROLE_ARN', providerArn: 'ALIBABA_CLOUD_OIDC_PROVIDER_ARN', tokenFile: 'ALIBABA_CLOUD_OIDC_TOKEN_FILE' } as const;

/** Alibaba Cloud's side of the credential engine, shared by Resource Directory and ChatApp. */
export const alibabaCredentials: VendorCredentials = {
  chain: (options) =>
    options.profile === undefined
      ? [environmentStep(options, ALIBABA_CLOUD_ENV), oidcStep(options), cliProfileStep(options), iniProfileStep(options), instanceRoleStep(options), credentialsUriStep(options)]
      : [cliProfileStep(options), iniProfileStep(options)],
  assumeRole: (keys, role, options) => alibabaAssumeRole(keys, role, options),
};

function oidcStep(options: CredentialOptions): ChainStep {
  return {
    looksAt: `OIDC (${Object.values(OIDC_ENV).join(', ')})`,
    async find() {
      const oidc = variableGroup(options, OIDC_ENV, 'OIDC');
      if (oidc === undefined) return { notFound: 'not set' };
      const sessionName = envValue(options.environment, 'ALIBABA_CLOUD_ROLE_SESSION_NAME');
      return issuedKeyProvider(`OIDC role ${oidc.roleArn}`, async () =>
        alibabaAssumeRoleWithOidc(
          { roleArn: oidc.roleArn, oidcProviderArn: oidc.providerArn, oidcToken: await readTokenFile(oidc.tokenFile, options.provider, OIDC_ENV.tokenFile), sessionName },
          options,
        ),
      );
    },
  };
}

function cliProfileStep(options: CredentialOptions): ChainStep {
  const path = inHome(options.environment, '.aliyun', 'config.json');
  const shown = shownPath(path, options.environment);
  return {
    looksAt: `the CLI profile in ${shown} (ALIBABA_CLOUD_PROFILE)`,
    async find() {
      if (options.profile === undefined && envFlag(options.environment, 'ALIBABA_CLOUD_CLI_PROFILE_DISABLED')) return { notFound: 'disabled by ALIBABA_CLOUD_CLI_PROFILE_DISABLED' };
      const text = await readOptionalFile(path, options.provider, shown);
      if (text === undefined) return { notFound: 'no such file' };
      const config = parseJsonFile(text, options.provider, shown);
      const list = Array.isArray(config['profiles']) ? (config['profiles'] as unknown[]) : [];
      const profiles = new Map(list.flatMap((entry) => (typeof entry === 'object' && entry !== null && typeof (entry as { name?: unknown }).name === 'string' ? [[(entry as { name: string }).name, entry as Record<string, unknown>]] : [])));
      const name = options.profile ?? envValue(options.environment, 'ALIBABA_CLOUD_PROFILE') ?? textField(config, 'current') ?? 'default';
      if (!profiles.has(name)) return { notFound: `no profile named ${name}` };
      return cliProfileKeys(name, profiles, options);
    },
  };
}

function iniProfileStep(options: CredentialOptions): ChainStep {
  const path = envValue(options.environment, 'ALIBABA_CLOUD_CREDENTIALS_FILE') ?? inHome(options.environment, '.alibabacloud', 'credentials');
  const shown = shownPath(path, options.environment);
  return {
    looksAt: `the credentials file ${shown} (ALIBABA_CLOUD_CREDENTIALS_FILE, ALIBABA_CLOUD_PROFILE)`,
    async find() {
      const text = await readOptionalFile(path, options.provider, shown);
      if (text === undefined) return { notFound: 'no such file' };
      const name = options.profile ?? envValue(options.environment, 'ALIBABA_CLOUD_PROFILE') ?? 'default';
      const section = parseIni(text).get(name);
      if (section === undefined) return { notFound: `no [${name}] section` };
      return iniProfileKeys(name, section, options, shown);
    },
  };
}

function credentialsUriStep(options: CredentialOptions): ChainStep {
  return {
    looksAt: 'a credentials URI (ALIBABA_CLOUD_CREDENTIALS_URI)',
    async find() {
      const uri = envValue(options.environment, 'ALIBABA_CLOUD_CREDENTIALS_URI');
      if (uri === undefined) return { notFound: 'not set' };
      if (!URL.canParse(uri)) throw credentialError(options.provider, 'invalid-config', 'ALIBABA_CLOUD_CREDENTIALS_URI is not a URL', { field: 'ALIBABA_CLOUD_CREDENTIALS_URI' });
      return issuedKeyProvider(`credentials URI ${new URL(uri).origin}`, () => uriKeys(uri, options.provider, options.timeoutMs));
    },
  };
}
