/**
 * Every TypeScript example of the README can succeed, and a test shows it: the complete ones run
 * here, as written, against the emulators (each in a process of its own, with the emulators'
 * endpoint and key variables set, and the people and platforms they depend on played by the
 * emulators' test hooks between their lines); each fragment names the test that runs what it shows.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readmeExamples } from './support/readme-examples.js';
import { REDIS_SERVER, startRedis } from './support/redis-server.js';
import type { RedisServer } from './support/redis-server.js';

const run = promisify(execFile);
const root = new URL('..', import.meta.url).pathname;
// Inside the package, so `cloud-contacts/...` resolves to this package's build (dist/).
const scratch = join(root, 'test', '.readme-examples');
const examples = readmeExamples();

/** What an example needs around it: imports and set-up before, and what people do between its lines. */
interface Harness {
  readonly prelude?: string;
  readonly between?: ReadonlyArray<readonly [after: RegExp, code: string]>;
  readonly redis?: boolean;
  readonly cwd?: string;
  /** What it prints when it went well (an example that catches its errors prints them instead). */
  readonly prints?: RegExp;
}

const HARNESS: Readonly<Record<string, Harness>> = {
  'quick-start': { prints: /^\d+ pending-verification\noncall \+86 139\*+1234\n$/ },
  // The second block of the Quick start shows only what changes: the first block's import.
  'quick-start-emulator': { prelude: "import { tencentCam } from 'cloud-contacts/tencent-cam';" },
  'redis-worker': { redis: true },
  events: { prelude: "import { tencentCam } from 'cloud-contacts/tencent-cam';\nconst logger = { info() {} };" },
  sync: {
    prelude: [
      "import { readFile } from 'node:fs/promises';",
      "import { tencentCam } from 'cloud-contacts/tencent-cam';",
      "import { alibabaResourceDirectory } from 'cloud-contacts/alibaba-resource-directory';",
      'const cam = tencentCam(); const rd = alibabaResourceDirectory();',
    ].join('\n'),
    cwd: join(root, 'examples'),
    // It prints only the entries that failed.
    prints: /^$/,
  },
  'tencent-cam': {},
  'alibaba-resource-directory': {
    prelude: "for (const member of ['fd-ZDNPiT1234', '1234567890123456']) __emulators['alibaba-resource-directory'].addMember(member);",
    between: [[/sendVerification\(c\.id, 'email'\)/, "__emulators['alibaba-resource-directory'].confirmVerification(c.id, 'oncall@example.com');"]],
  },
  'volcengine-vmp': {},
  'alibaba-chatapp': {
    prelude: "__emulators['alibaba-chatapp'].addCustSpace('cams-sdkj31kj32lk3j');",
    between: [[/sendVerification\(n\.id, 'phone'/, "const code = __emulators['alibaba-chatapp'].verificationCode(n.id);"]],
  },
  testing: {},
  'testing-sts': {},
};

/** The example as one ES module: the emulators started and named in the environment, then the example. */
function moduleOf(code: string, harness: Harness): string {
  const lines = code.split('\n');
  const body: string[] = [];
  for (const line of lines) {
    body.push(line);
    for (const [after, insert] of harness.between ?? []) if (after.test(line)) body.push(insert);
  }
  const source = [
    "import { startEmulators as __startEmulators } from 'cloud-contacts/testing';",
    "const { emulators: __emulators, close: __close } = await __startEmulators({ credentials: { accessKeyId: 'AKIDreadme0000000001', accessKeySecret: 'readme-secret-000000000000000001' } });",
    'for (const [id, emulator] of Object.entries(__emulators)) {',
    "  process.env[`CLOUD_CONTACTS_${id.toUpperCase().replaceAll('-', '_')}_ENDPOINT`] = emulator.endpoint;",
    '  Object.assign(process.env, emulator.environment);',
    '}',
    harness.prelude ?? '',
    ...body,
    'await __close();',
    'process.exit(0);',
  ].join('\n');
  return ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 } }).outputText;
}

let redis: RedisServer | undefined;
beforeAll(async () => {
  mkdirSync(scratch, { recursive: true });
  if (REDIS_SERVER !== undefined) redis = await startRedis();
});
afterAll(async () => {
  rmSync(scratch, { recursive: true, force: true });
  await redis?.stop();
});

describe('README examples', () => {
  it('each has a harness, and each harness an example', () => {
    const ids = examples.flatMap((example) => (example.kind === 'run' ? [example.id] : []));
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.sort()).toEqual(Object.keys(HARNESS).sort());
  });

  it.each(examples.flatMap((example) => (example.kind === 'run' ? [example] : [])))('runs $id (README line $line) as written, against the emulators', async (example) => {
    const harness = HARNESS[example.id] ?? {};
    if (harness.redis === true && redis === undefined) return;
    const file = join(scratch, `${example.id}.mjs`);
    writeFileSync(file, moduleOf(example.code, harness));
    const env = { ...process.env, http_proxy: '', HTTP_PROXY: '', https_proxy: '', HTTPS_PROXY: '', ...(redis === undefined ? {} : { REDIS_URL: redis.url }) };
    const { stdout, stderr } = await run(process.execPath, [file], { cwd: harness.cwd ?? root, env, timeout: 60_000 });
    expect(stderr).toBe('');
    if (harness.prints !== undefined) expect(stdout).toMatch(harness.prints);
  }, 90_000);

  it.each(examples.flatMap((example) => (example.kind === 'covered' ? [example] : [])))('fragment at README line $line: "$test" in $file', (example) => {
    const text = readFileSync(join(root, example.file), 'utf8');
    expect(text).toContain(example.test);
    // The settings the fragment shows are what that test passes.
    for (const key of example.code.match(/\b(profile|assumeRole|roleArn|sessionName)\b/g) ?? []) expect(text).toContain(key);
  });
});
