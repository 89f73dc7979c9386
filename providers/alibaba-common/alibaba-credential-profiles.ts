/**
 * The Alibaba Cloud CLI's profiles (`~/.aliyun/config.json`) and the credentials file of the
 * vendor's SDKs (`~/.alibabacloud/credentials`, INI), each profile mode turned into keys as the
 * vendor's credentials library does: long-term keys, STS keys, a RAM role assumed with keys or
 * with another profile, the instance's role, an OIDC token, a credentials URI.
 * https://www.alibabacloud.com/help/en/cli/configure-credentials
 * https://github.com/aliyun/credentials-nodejs (src/providers/cli_profile.ts, profile.ts)
 */
import { credentialError } from '../../src/credentials/credential-errors.js';
import { numberField, readTokenFile, textField } from '../../src/credentials/credential-inputs.js';
import { assumedRoleKeys } from '../../src/credentials/credential-setup.js';
import { CredentialSource } from '../../src/credentials/credential-source.js';
import type { KeyProvider } from '../../src/credentials/credential-source.js';
import { issuedKeyProvider, staticKeys } from '../../src/credentials/key-providers.js';
import type { CredentialOptions } from '../../src/credentials/vendor-credentials.js';
import { instanceRoleKeys } from './alibaba-instance-role.js';
import { uriKeys } from './alibaba-instance-metadata.js';
import { alibabaAssumeRole, alibabaAssumeRoleWithOidc, alibabaStsEndpoint } from './alibaba-sts-client.js';

/** The CLI's modes this library reads. */
export const ALIBABA_CLI_MODES = ['AK', 'StsToken', 'RamRoleArn', 'ChainableRamRoleArn', 'EcsRamRole', 'OIDC', 'CredentialsURI'] as const;

type Profile = Readonly<Record<string, unknown>>;

/**
 * The keys of a CLI profile, by its `mode`.
 *
 * @param profiles - every profile of the file, for `ChainableRamRoleArn`'s `source_profile`.
 * @throws ContactError `invalid-config` naming the profile and the field for a mode it cannot read.
 */
export function cliProfileKeys(name: string, profiles: ReadonlyMap<string, Profile>, options: CredentialOptions, seen: readonly string[] = []): KeyProvider {
  const profile = profiles.get(name);
  const source = `profile ${name}`;
  const where = `profile ${name} of ~/.aliyun/config.json`;
  if (profile === undefined) throw credentialError(options.provider, 'invalid-config', `${seen.length > 0 ? 'source_profile' : 'profile'} ${name} does not exist in ~/.aliyun/config.json`, { field: 'profile' });
  const need = (field: string): string => {
    const value = textField(profile, field);
    if (value === undefined) throw credentialError(options.provider, 'invalid-config', `${where} (mode ${String(profile['mode'])}) has no ${field}`, { field: 'profile' });
    return value;
  };
  const sts = () => alibabaStsEndpoint(options, { endpoint: textField(profile, 'sts_endpoint'), region: textField(profile, 'sts_region'), vpc: profile['enable_vpc'] === true ? true : undefined });
  const role = () => ({
    roleArn: need('ram_role_arn'),
    sessionName: textField(profile, 'ram_session_name'),
    durationSeconds: numberField(profile, 'expired_seconds') ?? numberField(profile, 'duration_seconds'),
    externalId: textField(profile, 'external_id'),
  });
  const mode = textField(profile, 'mode') ?? 'AK';
  switch (mode) {
    case 'AK':
      return staticKeys({ accessKeyId: need('access_key_id'), accessKeySecret: need('access_key_secret') }, source);
    case 'StsToken':
      return staticKeys({ accessKeyId: need('access_key_id'), accessKeySecret: need('access_key_secret'), securityToken: need('sts_token') }, source);
    case 'RamRoleArn': {
      const base = new CredentialSource(staticKeys({ accessKeyId: need('access_key_id'), accessKeySecret: need('access_key_secret') }, source));
      const assumed = role();
      return assumedRoleKeys(base, assumed, (keys) => alibabaAssumeRole(keys, assumed, options, sts()), () => `${source} (assumed role ${assumed.roleArn})`);
    }
    case 'ChainableRamRoleArn': {
      const from = need('source_profile');
      if (seen.includes(from) || from === name) throw credentialError(options.provider, 'invalid-config', `${where}: source_profile ${from} leads back to itself`, { field: 'profile' });
      const base = new CredentialSource(cliProfileKeys(from, profiles, options, [...seen, name]));
      const assumed = role();
      return assumedRoleKeys(base, assumed, (keys) => alibabaAssumeRole(keys, assumed, options, sts()), (from) => `${source} (assumed role ${assumed.roleArn}, from ${from})`);
    }
    case 'EcsRamRole':
      return instanceRoleKeys(options, textField(profile, 'ram_role_name'), source);
    case 'OIDC': {
      const request = { roleArn: need('ram_role_arn'), oidcProviderArn: need('oidc_provider_arn'), tokenFile: need('oidc_token_file') };
      return issuedKeyProvider(`${source} (OIDC role ${request.roleArn})`, async () =>
        alibabaAssumeRoleWithOidc(
          { ...request, oidcToken: await readTokenFile(request.tokenFile, options.provider, `oidc_token_file of ${where}`), sessionName: textField(profile, 'ram_session_name'), durationSeconds: role().durationSeconds },
          options,
          sts(),
        ),
      );
    }
    case 'CredentialsURI': {
      const uri = need('credentials_uri');
      return issuedKeyProvider(`${source} (credentials URI)`, () => uriKeys(uri, options.provider, options.timeoutMs));
    }
    default:
      throw credentialError(options.provider, 'invalid-config', `${where} has mode ${mode}, which this library does not read (it reads ${ALIBABA_CLI_MODES.join(', ')}); use another profile or the credentials setting`, { field: 'profile' });
  }
}

/**
 * The keys of a section of the SDKs' INI credentials file, by its `type`.
 *
 * @throws ContactError `invalid-config` naming the section and the field for a type it cannot read.
 */
export function iniProfileKeys(name: string, section: ReadonlyMap<string, string>, options: CredentialOptions, shown: string): KeyProvider {
  const source = `profile ${name}`;
  const where = `[${name}] of ${shown}`;
  const need = (field: string): string => {
    const value = textField(section, field);
    if (value === undefined) throw credentialError(options.provider, 'invalid-config', `${where} has no ${field}`, { field: 'profile' });
    return value;
  };
  const type = textField(section, 'type') ?? 'access_key';
  switch (type) {
    case 'access_key':
      return staticKeys({ accessKeyId: need('access_key_id'), accessKeySecret: need('access_key_secret') }, source);
    case 'ecs_ram_role':
      return instanceRoleKeys(options, textField(section, 'role_name'), source);
    case 'ram_role_arn': {
      const base = new CredentialSource(staticKeys({ accessKeyId: need('access_key_id'), accessKeySecret: need('access_key_secret') }, source));
      const assumed = { roleArn: need('role_arn'), sessionName: textField(section, 'role_session_name'), externalId: textField(section, 'external_id') };
      return assumedRoleKeys(base, assumed, (keys) => alibabaAssumeRole(keys, assumed, options), () => `${source} (assumed role ${assumed.roleArn})`);
    }
    default:
      throw credentialError(options.provider, 'invalid-config', `${where} has type ${type}, which this library does not read (it reads access_key, ecs_ram_role, ram_role_arn)`, { field: 'profile' });
  }
}
