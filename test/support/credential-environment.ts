/**
 * A clean place for credential chains to look: a temporary HOME with nothing in it and no
 * vendor variable set, so a test sees only what it writes there, never the machine's own
 * profiles or keys.
 */
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { vi } from 'vitest';

/** Every variable prefix a vendor's chain reads. */
const VENDOR_PREFIXES = ['ALIBABA_CLOUD_', 'TENCENTCLOUD_', 'TKE_', 'VOLCENGINE_', 'VOLCSTACK_', 'VOLC_'];

/** An address on loopback where nothing listens: a metadata service that is not there answers nothing. */
export const NOTHING_LISTENS = 'http://127.0.0.1:9';

/** A clean environment for one test (undone by `vi.unstubAllEnvs()`). */
export interface CleanEnvironment {
  /** The temporary home directory. */
  readonly home: string;
  /** Writes a file under the home directory (creating its folders); resolves to its full path. */
  write(relativePath: string, content: string): string;
}

/** Points HOME at a new empty directory and unsets every vendor variable. */
export function cleanCredentialEnvironment(): CleanEnvironment {
  const home = mkdtempSync(join(tmpdir(), 'cloud-contacts-home-'));
  vi.stubEnv('HOME', home);
  vi.stubEnv('USERPROFILE', home);
  for (const name of Object.keys(process.env)) {
    if (VENDOR_PREFIXES.some((prefix) => name.startsWith(prefix))) vi.stubEnv(name, undefined);
  }
  return {
    home,
    write(relativePath, content) {
      const path = join(home, relativePath);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, content, { mode: 0o600 });
      return path;
    },
  };
}
