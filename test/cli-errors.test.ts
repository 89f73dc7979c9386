/**
 * What the CLI says when a roster or a command line is wrong, checked as text: every problem of a
 * roster at its `file:line:column`, naming the entry once, with "did you mean" for a slip; a syntax
 * error as its one line with a caret, secrets masked; usage errors in our own words with the
 * command's usage line; settings advice in CLI terms. The CLI runs in this process (`runCli` with
 * a captured output), which is what the executable runs.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../src/cli/cli-main.js';

let folder: string;
beforeAll(() => {
  folder = mkdtempSync(join(tmpdir(), 'cloud-contacts-cli-errors-'));
});
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const saved = { ...process.env };
afterEach(() => {
  for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key];
  Object.assign(process.env, saved);
});

/** Runs a command line; resolves to its exit code and what it wrote, the folder shown as `.`. */
async function run(args: string[]): Promise<{ code: number; text: string }> {
  const lines: string[] = [];
  const output = { out: (text: string) => void lines.push(text), err: (text: string) => void lines.push(text), interactive: false };
  const code = await runCli(args, output);
  return { code, text: lines.join('\n').replaceAll(`${folder}/`, '') };
}

/** Writes a file in the folder; resolves to its path. */
function file(name: string, text: string): string {
  const path = join(folder, name);
  writeFileSync(path, text);
  return path;
}

describe('malformed rosters: every problem at file:line:column, the entry named once', () => {
  it('1. a misspelt field, with "did you mean"', async () => {
    const result = await run(['plan', file('titel.yaml', 'contacts:\n  - name: Oncall-Alice\n    email: alice@example.com\n    titel: CEO\n')]);
    expect(result.code).toBe(1);
    expect(result.text).toMatchInlineSnapshot(`"error: titel.yaml:4:5: contacts[0] "Oncall-Alice": titel is not a known field (did you mean "title"?)"`);
  });

  it('2. a misspelt target in only, and in providers', async () => {
    const result = await run([
      'plan',
      file('targets.yaml', 'contacts:\n  - name: Oncall-Alice\n    email: alice@example.com\n    only: [tencent-cm]\n    providers:\n      alibaba-resource-directroy: { name: OncallAlice }\n'),
    ]);
    expect(result.text).toMatchInlineSnapshot(`
      "error: targets.yaml has 2 problems:
      targets.yaml:4:11: contacts[0] "Oncall-Alice": only names "tencent-cm", which is not a provider (did you mean "tencent-cam"?)
      targets.yaml:6:35: contacts[0] "Oncall-Alice": providers.alibaba-resource-directroy is not a provider (did you mean "alibaba-resource-directory"?)"
    `);
  });

  it('3. YAML that does not parse: the line and a caret, nothing more of the file', async () => {
    const result = await run(['plan', file('indent.yaml', 'contacts:\n  - name: Oncall-Alice\n     email: alice@example.com\n  - name: Bob\n')]);
    expect(result.code).toBe(1);
    expect(result.text).toMatchInlineSnapshot(`
      "error: indent.yaml:2:11: not valid YAML: nested mappings are not allowed in compact mappings
          - name: Oncall-Alice
                  ^"
    `);
  });

  it('4. a YAML error on a line with a secret: the secret is not shown', async () => {
    const result = await run(['plan', file('secret.yaml', 'contacts:\n  - name: Bot\n    webhooks:\n      lark: { url: "https://open.feishu.cn/open-apis/bot/v2/hook/SECRETHOOK99", secret: SEClarkSecret0042 ]\n')]);
    expect(result.text).not.toContain('SEClarkSecret0042');
    expect(result.text).not.toContain('SECRETHOOK99');
    expect(result.text).toMatchInlineSnapshot(`
      "error: secret.yaml:4:107: not valid YAML: flow map in block collection must be sufficiently indented and end with a }
              lark: { url: "https://open.feishu.cn/open-apis/bot/v2/hook/SEC***", secret: ***]
                                                                                              ^"
    `);
  });

  it('5. JSON with a trailing comma, on a line with a token: line, column, caret, token masked', async () => {
    const result = await run(['plan', file('comma.json', '{\n  "contacts": [\n    { "name": "Kate", "webhooks": { "generic": { "url": "https://hooks.example.com/kate", "token": "TOKENkate0042" } }, }\n  ]\n}\n')]);
    expect(result.text).not.toContain('TOKENkate0042');
    expect(result.text).toMatchInlineSnapshot(`
      "error: comma.json:3:121: not valid JSON: a comma before "}" is not allowed in JSON
        …me": "Kate", "webhooks": { "generic": { "url": "https://hooks.example.com/kate", "token": *** } }, }
                                                                                                             ^"
    `);
  });

  it('6. JSON that ends too early', async () => {
    const result = await run(['plan', file('short.json', '{\n  "contacts": [\n    { "name": "Kate" }\n')]);
    expect(result.text).toMatchInlineSnapshot(`
      "error: short.json:3:23: not valid JSON: the text ends inside a list: a "]" is missing
            { "name": "Kate" }
                              ^"
    `);
  });

  it('7. two entries with one name', async () => {
    const result = await run(['plan', file('twice.yaml', 'contacts:\n  - name: Bob\n    email: bob@example.com\n  - name: Bob\n    email: robert@example.com\n')]);
    expect(result.text).toMatchInlineSnapshot(`"error: twice.yaml:4:11: contacts[1] "Bob": name is the name of contacts[0] too: names are unique in a roster (two ChatApp numbers that share a display name take it as an override: providers: { alibaba-chatapp: { name: ... } })"`);
  });

  it('8. a roster version this release does not read', async () => {
    const result = await run(['plan', file('v2.yaml', 'version: 2\ncontacts:\n  - name: Bob\n    email: bob@example.com\n')]);
    expect(result.text).toMatchInlineSnapshot(`"error: v2.yaml:1:10: version 2 is not a roster version this release reads: it reads version 1 (or a roster without version:)"`);
  });

  it('9. a secret from a variable that is not set', async () => {
    const result = await run(['plan', file('unset.yaml', 'contacts:\n  - name: Bot\n    webhooks:\n      lark: { url: "https://open.feishu.cn/open-apis/bot/v2/hook/x", secret: { env: LARK_SECRET_BOT } }\n')]);
    expect(result.text).toMatchInlineSnapshot(`"error: unset.yaml:4:78: contacts[0] "Bot": webhooks.lark.secret comes from the environment variable LARK_SECRET_BOT, which is not set (set it, or write the value here)"`);
  });

  it('10. every problem of an entry, none summed up as "and 1 more"', async () => {
    const result = await run(['plan', file('many.yaml', 'contacts:\n  - name: Bob\n    email: bob-at-example.com\n    phone: "13900001234"\n    title: Boss\n')]);
    expect(result.text).not.toMatch(/and \d+ more/);
    expect(result.text).toMatchInlineSnapshot(`
      "error: many.yaml has 3 problems:
      many.yaml:3:12: contacts[0] "Bob": email must be a valid email address, such as ops@example.com
      many.yaml:4:12: contacts[0] "Bob": phone must include the country code, such as +86 139 0000 1234 or 0086 13900001234
      many.yaml:5:12: contacts[0] "Bob": title must be one of FinanceDirector, TechnicalDirector, MaintenanceDirector, CEO, ProjectDirector, Other"
    `);
  });

  it('11. a mask that is not shaped as one', async () => {
    const result = await run(['plan', file('mask.yaml', 'contacts:\n  - name: Eve\n    email: "eve****"\n')]);
    expect(result.text).toMatchInlineSnapshot(`"error: mask.yaml:3:12: contacts[0] "Eve": email is masked, but not as an email address is (alic****@example.com)"`);
  });

  it('12. a misspelt top-level key', async () => {
    const result = await run(['plan', file('contact.yaml', 'contact:\n  - name: Bob\n')]);
    expect(result.text).toMatchInlineSnapshot(`
      "error: contact.yaml has 2 problems:
      contact.yaml:1:1: contact is not a roster key (did you mean "contacts"?)
      contact.yaml:1:1: contacts is missing: a roster lists its people under contacts:"
    `);
  });

  it('13. oncall that is not true or false, and an entry that is not an object', async () => {
    const result = await run(['status', file('oncall.yaml', 'contacts:\n  - name: Bob\n    email: bob@example.com\n    oncall: "yes"\n  - just a name\n')]);
    expect(result.code).toBe(1);
    expect(result.text).toMatchInlineSnapshot(`
      "error: oncall.yaml has 2 problems:
      oncall.yaml:4:13: contacts[0] "Bob": oncall must be true or false (true: this person must be reachable; cloud-contacts status checks it)
      oncall.yaml:5:5: contacts[1]: must be an object with at least a name"
    `);
  });

  it('14. a key given twice', async () => {
    const result = await run(['plan', file('dup.yaml', 'contacts:\n  - name: Bob\n    email: bob@example.com\n    email: robert@example.com\n')]);
    expect(result.text).toMatchInlineSnapshot(`
      "error: dup.yaml:4:5: not valid YAML: a key is given twice: two targets, or two fields of one entry, cannot share a name
            email: robert@example.com
            ^"
    `);
  });
});

describe('malformed command lines: in our words, with the usage line, exit 2', () => {
  it('15. a second roster file', async () => {
    const result = await run(['plan', 'a.yaml', 'b.yaml']);
    expect(result.code).toBe(2);
    expect(result.text).toMatchInlineSnapshot(`
      "error: plan takes one argument (the roster file); this one is extra: "b.yaml"
      Usage: cloud-contacts plan <roster.yaml|roster.json> [--target <name>]... [--prune] [--detailed-exitcode] [plan options]
      Run cloud-contacts plan --help for all its options."
    `);
  });

  it('16. an option the command does not have, and one another command has', async () => {
    const unknown = await run(['list', '--provider', 'tencent-cam', '--colour', 'red']);
    const elsewhere = await run(['list', '--provider', 'tencent-cam', '--prune']);
    expect([unknown.code, elsewhere.code]).toEqual([2, 2]);
    expect(`${unknown.text}\n\n${elsewhere.text}`).toMatchInlineSnapshot(`
      "error: list has no option --colour
      Usage: cloud-contacts list --provider <id> [--limit N] [--page-size N]
      Run cloud-contacts list --help for all its options.

      error: --prune is not an option of list (plan and apply take it)
      Usage: cloud-contacts list --provider <id> [--limit N] [--page-size N]
      Run cloud-contacts list --help for all its options."
    `);
  });

  it('17. a misspelt option and a misspelt command', async () => {
    const option = await run(['plan', 'r.yaml', '--detailed-exit-code']);
    const command = await run(['exprot']);
    expect([option.code, command.code]).toEqual([2, 2]);
    expect(`${option.text}\n\n${command.text}`).toMatchInlineSnapshot(`
      "error: plan has no option --detailed-exit-code (did you mean --detailed-exitcode?)
      Usage: cloud-contacts plan <roster.yaml|roster.json> [--target <name>]... [--prune] [--detailed-exitcode] [plan options]
      Run cloud-contacts plan --help for all its options.

      error: there is no command "exprot" (did you mean "export"?)
      Usage: cloud-contacts <command> [options]
      Run cloud-contacts --help for the commands."
    `);
  });

  it('18. a flag without its value, and one that takes none', async () => {
    const missing = await run(['list', '--provider']);
    const extra = await run(['plan', 'r.yaml', '--prune=yes']);
    expect(`${missing.text}\n\n${extra.text}`).toMatchInlineSnapshot(`
      "error: --provider needs a value: --provider tencent-cam
      Usage: cloud-contacts list --provider <id> [--limit N] [--page-size N]
      Run cloud-contacts list --help for all its options.

      error: --prune takes no value (give --prune alone)
      Usage: cloud-contacts plan <roster.yaml|roster.json> [--target <name>]... [--prune] [--detailed-exitcode] [plan options]
      Run cloud-contacts plan --help for all its options."
    `);
  });

  it('19. create --input with JSON that does not parse: exit 2, the line and a caret', async () => {
    const input = file('contact.json', '{\n  "name": "oncall",\n  "email": "oncall@example.com"\n  "phone": "+8613900001234"\n}\n');
    const result = await run(['create', '--provider', 'tencent-cam', '--input', input]);
    expect(result.code).toBe(2);
    expect(result.text).toMatchInlineSnapshot(`
      "error: --input contact.json:4:3: not valid JSON: expected "," or "}" after a value
          "phone": "+8613900001234"
          ^
      Usage: cloud-contacts create --provider <id> --name <name> [--email E] [--phone P] [--title T]
             [--message-types A,B] [--remark R] [--input contact.json | --input -]
      Run cloud-contacts create --help for all its options."
    `);
  });

  it('20. no roster, a roster that is not there, --pending with --channel, a misspelt provider', async () => {
    const results = await Promise.all([
      run(['status']),
      run(['plan', join(folder, 'absent.yaml')]),
      run(['verify', '--pending', 'r.yaml', '--channel', 'email']),
      run(['list', '--provider', 'volcengine-vpm']),
    ]);
    expect(results.map((result) => result.code)).toEqual([2, 2, 2, 2]);
    expect(results.map((result) => result.text).join('\n\n')).toMatchInlineSnapshot(`
      "error: status needs the roster file
      Usage: cloud-contacts status <roster.yaml|roster.json> [--target <name>]... [--test-webhooks]
      Run cloud-contacts status --help for all its options.

      error: there is no roster file absent.yaml
      Usage: cloud-contacts plan <roster.yaml|roster.json> [--target <name>]... [--prune] [--detailed-exitcode] [plan options]
      Run cloud-contacts plan --help for all its options.

      error: verify --pending sends on every pending channel: give --channel only to verify one contact
      Usage: cloud-contacts verify --provider <id> <contact-id> --channel email|phone|webhook
             cloud-contacts verify --pending <roster.yaml|roster.json> [--target <name>]...
      Run cloud-contacts verify --help for all its options.

      error: --provider "volcengine-vpm" is not a provider (did you mean volcengine-vmp?)
      Usage: cloud-contacts list --provider <id> [--limit N] [--page-size N]
      Run cloud-contacts list --help for all its options."
    `);
  });
});

describe('settings: advice in the CLI terms', () => {
  it('21. a VMP settings variable that is not JSON suggests a VMP setting', async () => {
    process.env['CLOUD_CONTACTS_VOLCENGINE_VMP_SETTINGS'] = "{region: 'cn-shanghai'}";
    const result = await run(['list', '--provider', 'volcengine-vmp']);
    expect(result.code).toBe(1);
    expect(result.text).toMatchInlineSnapshot(`"error: invalid-config provider=volcengine-vmp: volcengine-vmp cli: CLOUD_CONTACTS_VOLCENGINE_VMP_SETTINGS must hold JSON settings, such as {"region":"cn-shanghai"}"`);
  });

  it('22. a setting the provider does not have names the settings variable; a bad endpoint names --endpoint', async () => {
    process.env['CLOUD_CONTACTS_VOLCENGINE_VMP_SETTINGS'] = '{"regoin": "cn-shanghai"}';
    const unknown = await run(['list', '--provider', 'volcengine-vmp']);
    delete process.env['CLOUD_CONTACTS_VOLCENGINE_VMP_SETTINGS'];
    const endpoint = await run(['list', '--provider', 'volcengine-vmp', '--endpoint', 'not a url']);
    expect(`${unknown.text}\n\n${endpoint.text}`).toMatchInlineSnapshot(`
      "error: invalid-config provider=volcengine-vmp field=settings.regoin: volcengine-vmp settings: "regoin" in CLOUD_CONTACTS_VOLCENGINE_VMP_SETTINGS is not a setting of this provider (check its spelling)

      error: invalid-config provider=volcengine-vmp field=settings.endpoint: volcengine-vmp settings: --endpoint (or CLOUD_CONTACTS_VOLCENGINE_VMP_ENDPOINT) must be a full http(s) URL, such as http://127.0.0.1:4010, and must be a scheme, host and port only (such as http://127.0.0.1:4010), without a path or query"
    `);
  });

  it('23. ChatApp without a customer space tells a CLI user the settings variable, not a factory option', async () => {
    Object.assign(process.env, { ALIBABA_CLOUD_ACCESS_KEY_ID: 'LTAI5tFAKEFAKEFAKE1234', ALIBABA_CLOUD_ACCESS_KEY_SECRET: 'FAKEsecretFAKEsecretFAKEsecret12' });
    const result = await run(['list', '--provider', 'alibaba-chatapp', '--endpoint', 'http://127.0.0.1:9']);
    expect(result.code).toBe(1);
    expect(result.text).not.toContain('alibabaChatApp(');
    expect(result.text).toMatchInlineSnapshot(`"error: invalid-config provider=alibaba-chatapp field=custSpaceId: alibaba-chatapp list: no customer space: set custSpaceId in CLOUD_CONTACTS_ALIBABA_CHATAPP_SETTINGS, as JSON: CLOUD_CONTACTS_ALIBABA_CHATAPP_SETTINGS='{"custSpaceId": "..."}'"`);
  });
});
