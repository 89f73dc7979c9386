/**
 * The CVM instance's CAM role as a step of Tencent Cloud's default chain: the role name, then
 * its temporary keys, from the instance metadata service (no session-token step: the vendor's
 * service has none), at the `metadataEndpoint` setting for an emulator.
 * https://cloud.tencent.com/document/product/598/85616
 */
import { probeInstance } from '../../src/credentials/chain-steps.js';
import type { ChainStep } from '../../src/credentials/credential-chain.js';
import { credentialError } from '../../src/credentials/credential-errors.js';
import { callCredentialService, jsonBody } from '../../src/credentials/credential-http.js';
import { issuedKeyProvider } from '../../src/credentials/key-providers.js';
import type { CredentialOptions } from '../../src/credentials/vendor-credentials.js';
import { tencentIssuedKeys } from './tencent-cam-sts-client.js';

/** The metadata service's documented address. */
export const TENCENT_METADATA_ENDPOINT = 'http://metadata.tencentyun.com';
const ROLE_PATH = '/latest/meta-data/cam/security-credentials/';
/** How long a metadata request may take: the service is on the instance's own network. */
const METADATA_TIMEOUT_MS = 1000;

/** The chain's CVM-role step. */
export function cvmRoleStep(options: CredentialOptions): ChainStep {
  const endpoint = options.metadataEndpoint ?? TENCENT_METADATA_ENDPOINT;
  const get = (path: string, step: string) =>
    callCredentialService({ url: new URL(path, endpoint), method: 'GET', timeoutMs: METADATA_TIMEOUT_MS }, options.provider, step);
  /** The role's keys, read again on each refresh. */
  const roleKeys = (role: string) => {
    const step = `reading the keys of instance role ${role} from the instance metadata service`;
    return issuedKeyProvider(`instance role ${role}`, async () => {
      const answer = await get(`${ROLE_PATH}${encodeURIComponent(role)}`, step);
      const body = jsonBody(answer) as Record<string, unknown> | undefined;
      if (answer.status !== 200 || body === undefined || body['Code'] !== 'Success') {
        throw credentialError(options.provider, 'unavailable', `${step}: HTTP ${answer.status}${typeof body?.['Code'] === 'string' ? `, Code ${body['Code']}` : ''}`);
      }
      return tencentIssuedKeys(body, options.provider, step);
    });
  };
  return {
    looksAt: `the CVM instance's CAM role at ${endpoint}`,
    find: () =>
      probeInstance('a CVM instance', async () => {
        const answer = await get(ROLE_PATH, 'asking the instance metadata service for the CAM role name');
        if (answer.status === 404) return { notFound: 'the instance has no CAM role bound' };
        const name = answer.text.trim().split('\n')[0]?.trim();
        if (answer.status !== 200 || name === undefined || name === '') return { notFound: `no metadata service answered (not a CVM instance): HTTP ${answer.status}` };
        return roleKeys(name);
      }),
  };
}
