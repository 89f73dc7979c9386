/**
 * Volcengine's default credential chain, in the order of the vendor's SDK
 * (`DefaultCredentialProvider`): environment variables, an OIDC token, the CLI's config
 * (`~/.volcengine/config.json`), the ECS instance's IAM role; and STS `AssumeRole` (with a role
 * TRN) for the `assumeRole` setting. Loaded on first use only.
 * https://github.com/volcengine/volcengine-nodejs-sdk (docs/1-Credentials.md)
 */
import { isAbsolute, join } from 'node:path';
import type { ChainStep } from '../../src/credentials/credential-chain.js';
import { credentialError } from '../../src/credentials/credential-errors.js';
import { envValue, homeDirectory, inHome, parseJsonFile, readOptionalFile, readTokenFile, shownPath, textField } from '../../src/credentials/credential-inputs.js';
import { assumedRoleKeys } from '../../src/credentials/credential-setup.js';
import { CredentialSource } from '../../src/credentials/credential-source.js';
import type { KeyProvider } from '../../src/credentials/credential-source.js';
import { issuedKeyProvider, staticKeys } from '../../src/credentials/key-providers.js';
import { environmentStep, variableGroup } from '../../src/credentials/chain-steps.js';
import type { CredentialOptions, VendorCredentials } from '../../src/credentials/vendor-credentials.js';
import { instanceRoleKeys, instanceRoleStep } from './volcengine-vmp-instance-role.js';
import { VOLCENGINE_ENV } from './volcengine-vmp-settings.js';
import { volcengineAssumeRole, volcengineAssumeRoleWithOidc } from './volcengine-vmp-sts-client.js';

/** The vendor's OIDC variables. */
const OIDC_ENV = { roleTrn: 'VOLCENGINE_OIDC_ROLE_TRN', tokenFile: 'VOLCENGINE_OIDC_TOKEN_FILE' } as const;
/** The CLI's modes this library reads (case-insensitive, as the vendor's SDK reads them). */
const CLI_MODES = ['ak', 'ststoken', 'ramrolearn', 'iamrole', 'oidc', 'ecsrole'] as const;

/** Volcengine's side of the credential engine. */
export const volcengineCredentials: VendorCredentials = {
  chain: (options) =>
    options.profile === undefined ? [environmentStep(options, VOLCENGINE_ENV), oidcStep(options), cliConfigStep(options), instanceRoleStep(options)] : [cliConfigStep(options)],
  assumeRole: (keys, role, options) => volcengineAssumeRole(keys, role, options),
};

function oidcStep(options: CredentialOptions): ChainStep {
  return {
    looksAt: `OIDC (${OIDC_ENV.roleTrn}, ${OIDC_ENV.tokenFile})`,
    async find() {
      const oidc = variableGroup(options, OIDC_ENV, 'OIDC');
      if (oidc === undefined) return { notFound: 'not set' };
      const environment = options.environment;
      return issuedKeyProvider(`OIDC role ${oidc.roleTrn}`, async () =>
        volcengineAssumeRoleWithOidc(
          {
            roleTrn: oidc.roleTrn,
            oidcToken: await readTokenFile(oidc.tokenFile, options.provider, OIDC_ENV.tokenFile),
            sessionName: envValue(environment, 'VOLCENGINE_OIDC_ROLE_SESSION_NAME'),
            policy: envValue(environment, 'VOLCENGINE_OIDC_ROLE_POLICY'),
            host: envValue(environment, 'VOLCENGINE_OIDC_STS_ENDPOINT'),
          },
          options,
        ),
      );
    },
  };
}

/** The CLI's config: `VOLCENGINE_CLI_CONFIG_FILE` (relative to the home directory), else `~/.volcengine/config.json`. */
function cliConfigStep(options: CredentialOptions): ChainStep {
  const given = envValue(options.environment, 'VOLCENGINE_CLI_CONFIG_FILE');
  const path = given === undefined ? inHome(options.environment, '.volcengine', 'config.json') : isAbsolute(given) ? given : join(homeDirectory(options.environment), given);
  const shown = shownPath(path, options.environment);
  return {
    looksAt: `the CLI profile in ${shown} (VOLCENGINE_CLI_CONFIG_FILE, VOLCENGINE_PROFILE)`,
    async find() {
      const text = await readOptionalFile(path, options.provider, shown);
      if (text === undefined) return { notFound: 'no such file' };
      const config = parseJsonFile(text, options.provider, shown);
      const profiles = (typeof config['profiles'] === 'object' && config['profiles'] !== null ? config['profiles'] : {}) as Record<string, unknown>;
      const name = options.profile ?? envValue(options.environment, 'VOLCENGINE_PROFILE', 'VOLCSTACK_PROFILE') ?? textField(config, 'current') ?? 'default';
      const profile = Object.hasOwn(profiles, name) ? profiles[name] : undefined;
      if (typeof profile !== 'object' || profile === null) return { notFound: `no profile named ${name}` };
      return cliProfileKeys(name, profile as Record<string, unknown>, options, shown);
    },
  };
}

function cliProfileKeys(name: string, profile: Record<string, unknown>, options: CredentialOptions, shown: string): KeyProvider {
  const source = `profile ${name}`;
  const mode = (textField(profile, 'mode') ?? 'ak').toLowerCase();
  const need = (field: string): string => {
    const value = textField(profile, field);
    if (value === undefined) throw credentialError(options.provider, 'invalid-config', `profile ${name} of ${shown} (mode ${mode}) has no ${field}`, { field: 'profile' });
    return value;
  };
  switch (mode) {
    case 'ak':
    case 'ststoken':
      return staticKeys({ accessKeyId: need('access-key'), accessKeySecret: need('secret-key'), securityToken: mode === 'ststoken' ? need('session-token') : textField(profile, 'session-token') }, source);
    case 'ramrolearn':
    case 'iamrole': {
      const accountId = textField(profile, 'account-id');
      const roleName = textField(profile, 'role-name');
      const roleArn = textField(profile, 'role-trn') ?? (accountId !== undefined && roleName !== undefined ? `trn:iam::${accountId}:role/${roleName}` : need('role-trn'));
      const base = new CredentialSource(staticKeys({ accessKeyId: need('access-key'), accessKeySecret: need('secret-key') }, source));
      return assumedRoleKeys(base, { roleArn }, (keys) => volcengineAssumeRole(keys, { roleArn }, options), () => `${source} (assumed role ${roleArn})`);
    }
    case 'oidc': {
      const roleTrn = need('role-trn');
      const tokenFile = need('oidc-token-file');
      return issuedKeyProvider(`${source} (OIDC role ${roleTrn})`, async () =>
        volcengineAssumeRoleWithOidc({ roleTrn, oidcToken: await readTokenFile(tokenFile, options.provider, `oidc-token-file of profile ${name}`) }, options),
      );
    }
    case 'ecsrole':
      return instanceRoleKeys(options, need('role-name'), source);
    default:
      throw credentialError(options.provider, 'invalid-config', `profile ${name} of ${shown} has mode ${mode}, which this library does not read (it reads ${CLI_MODES.join(', ')})`, { field: 'profile' });
  }
}
