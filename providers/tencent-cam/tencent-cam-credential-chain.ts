/**
 * Tencent Cloud's default credential chain, in the order of the vendor's SDK
 * (`DefaultCredentialProvider`): environment variables, the profile file, the CVM instance's
 * role, TKE's OIDC token; and STS `AssumeRole` for the `assumeRole` setting. Loaded on first use only.
 * tencentcloud-sdk-nodejs-common: tencentcloud/common/credential.js
 */
import type { ChainStep } from '../../src/credentials/credential-chain.js';
import { credentialError } from '../../src/credentials/credential-errors.js';
import { envValue, inHome, parseIni, readOptionalFile, readTokenFile, shownPath, textField } from '../../src/credentials/credential-inputs.js';
import { issuedKeyProvider, staticKeys } from '../../src/credentials/key-providers.js';
import { environmentStep, variableGroup } from '../../src/credentials/chain-steps.js';
import type { CredentialOptions, VendorCredentials } from '../../src/credentials/vendor-credentials.js';
import { cvmRoleStep } from './tencent-cam-instance-role.js';
import { TENCENT_CAM_ENV } from './tencent-cam-settings.js';
import { tencentAssumeRole, tencentAssumeRoleWithWebIdentity } from './tencent-cam-sts-client.js';

/** The variables TKE sets in a pod whose service account is bound to a CAM role. */
const TKE_ENV = { region: 'TKE_REGION', providerId: 'TKE_PROVIDER_ID', tokenFile: 'TKE_WEB_IDENTITY_TOKEN_FILE', roleArn: 'TKE_ROLE_ARN' } as const;
/** The system-wide profile file the vendor's Node SDK falls back to. */
const SYSTEM_PROFILE_FILE = '/etc/tencentcloud/credentials';

/** Tencent Cloud's side of the credential engine. */
export const tencentCredentials: VendorCredentials = {
  chain: (options) =>
    options.profile === undefined ? [environmentStep(options, TENCENT_CAM_ENV), profileStep(options), cvmRoleStep(options), tkeOidcStep(options)] : [profileStep(options)],
  assumeRole: (keys, role, options) => tencentAssumeRole(keys, role, options),
};

/**
 * The profile file: `TENCENTCLOUD_CREDENTIALS_FILE`, else `~/.tencentcloud/credentials`, else
 * `/etc/tencentcloud/credentials`; the `profile` setting names its section (default `[default]`).
 */
function profileStep(options: CredentialOptions): ChainStep {
  const given = envValue(options.environment, 'TENCENTCLOUD_CREDENTIALS_FILE');
  const paths = given !== undefined ? [given] : [inHome(options.environment, '.tencentcloud', 'credentials'), SYSTEM_PROFILE_FILE];
  const shown = paths.map((path) => shownPath(path, options.environment));
  const name = options.profile ?? 'default';
  return {
    looksAt: `the profile file ${shown.join(' or ')} (TENCENTCLOUD_CREDENTIALS_FILE)`,
    async find() {
      for (const [index, path] of paths.entries()) {
        const text = await readOptionalFile(path, options.provider, shown[index]!);
        if (text === undefined) continue;
        const section = parseIni(text).get(name);
        if (section === undefined) return { notFound: `no [${name}] section in ${shown[index]}` };
        const accessKeyId = textField(section, 'secret_id');
        const accessKeySecret = textField(section, 'secret_key');
        if (accessKeyId === undefined || accessKeySecret === undefined) {
          throw credentialError(options.provider, 'invalid-config', `[${name}] of ${shown[index]} needs secret_id and secret_key`, { field: 'profile' });
        }
        return staticKeys({ accessKeyId, accessKeySecret, securityToken: textField(section, 'token') }, `profile ${name}`);
      }
      return { notFound: 'no such file' };
    },
  };
}

function tkeOidcStep(options: CredentialOptions): ChainStep {
  return {
    looksAt: `TKE OIDC (${Object.values(TKE_ENV).join(', ')})`,
    async find() {
      const tke = variableGroup(options, TKE_ENV, 'TKE OIDC');
      if (tke === undefined) return { notFound: 'not set' };
      return issuedKeyProvider(`OIDC role ${tke.roleArn}`, async () =>
        tencentAssumeRoleWithWebIdentity(
          { roleArn: tke.roleArn, providerId: tke.providerId, region: tke.region, token: await readTokenFile(tke.tokenFile, options.provider, TKE_ENV.tokenFile) },
          options,
        ),
      );
    },
  };
}
