/**
 * A provider builds the checks of the settings it is given only (`settingsSchema`, one strict
 * object per set of names): whichever settings come together, each is checked by its own rule, an
 * unknown one is named, a default applies when its setting is absent, and a setting an object
 * inherits is checked like its own. Random sets of good and bad settings, through the factories.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { alibabaResourceDirectory } from '../providers/alibaba-resource-directory/index.js';
import { volcengineVmp } from '../providers/volcengine-vmp/index.js';
import { configErrorOf } from './support/config-error.js';

/** Settings with a value each rule accepts and one it refuses. */
const SETTINGS: Record<string, { good: unknown; bad: unknown }> = {
  endpoint: { good: 'http://127.0.0.1:4010', bad: 'http://127.0.0.1:4010/path' },
  credentials: { good: { accessKeyId: 'LTAI5tEXAMPLE', accessKeySecret: 'EXAMPLEsecret' }, bad: { accessKeyId: '' } },
  timeoutMs: { good: 5000, bad: 0.5 },
  maxRetries: { good: 3, bad: 11 },
  rateLimit: { good: false, bad: -1 },
  quotas: { good: false, bad: { createsPerDay: -1 } },
  target: { good: 'rd-prod', bad: 'has space' },
  proxy: { good: 'http://proxy.internal:3128', bad: 'socks5://proxy.internal:1080' },
  profile: { good: 'prod', bad: '' },
  assumeRole: { good: { roleArn: 'acs:ram::1:role/ops' }, bad: { roleArn: 'acs:ram::1:role/ops', durationSeconds: 60 } },
  site: { good: 'international', bad: 'mars' },
  bogus: { good: 1, bad: 1 },
};

const issuesOf = (settings: object): string[] => {
  try {
    alibabaResourceDirectory(settings as never);
    return [];
  } catch {
    return (configErrorOf(() => alibabaResourceDirectory(settings as never)).issues ?? []).map((issue) => issue.path.split('.').slice(0, 2).join('.'));
  }
};

describe('settings checks built for the settings given', () => {
  it('each setting is checked by its own rule whichever come with it; an unknown one is named', () => {
    const names = Object.keys(SETTINGS);
    fc.assert(
      fc.property(fc.uniqueArray(fc.constantFrom(...names)), fc.func(fc.boolean()), (given, isBad) => {
        const settings = Object.fromEntries(given.map((name, n) => [name, isBad(n) ? SETTINGS[name]!.bad : SETTINGS[name]!.good]));
        const expected = given.filter((name, n) => name === 'bogus' || isBad(n)).map((name) => `settings.${name}`);
        expect([...new Set(issuesOf(settings))].sort()).toEqual(expected.sort());
      }),
      { numRuns: 150 },
    );
  });

  it('a default applies when its setting is absent, whatever else is given', () => {
    expect(alibabaResourceDirectory({ timeoutMs: 5000 }).settings).toMatchObject({ site: 'china', timeoutMs: 5000 });
    expect(alibabaResourceDirectory({}).settings).toMatchObject({ site: 'china', timeoutMs: 10_000, maxRetries: 2 });
    expect(volcengineVmp({ maxRetries: 0 }).settings).toMatchObject({ region: 'cn-beijing', maxRetries: 0 });
  });

  it('a setting an object inherits is checked like its own', () => {
    expect(alibabaResourceDirectory(Object.create({ endpoint: 'http://127.0.0.1:4010' }) as object).settings.endpoint).toBe('http://127.0.0.1:4010');
    expect(configErrorOf(() => alibabaResourceDirectory(Object.create({ endpoint: 'nope' }) as never)).field).toBe('settings.endpoint');
  });
});
