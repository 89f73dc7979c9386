/**
 * The roster's `targets:` block: each target's provider and its non-secret settings; a key that
 * looks like a secret refused naming the key and its line, with a pointer to profiles and
 * assumed roles; names in `only`, overrides and `providers` checked against the targets it knows.
 */
import { describe, expect, it } from 'vitest';
import { checkRoster, parseRoster } from '../../src/index.js';
import { expectContactError } from '../support/expect-contact-error.js';

const ROSTER = `targets:
  cam-prod:  { provider: tencent-cam, profile: prod }
  cam-test:  { provider: tencent-cam, assumeRole: { roleArn: "qcs::cam::uin/100000000001:roleName/ops" } }
  vmp-bj:    { provider: volcengine-vmp, region: cn-beijing }
  whatsapp:  { provider: alibaba-chatapp, custSpaceId: cams-abc123 }
managed: { prefix: oncall }
contacts:
  - name: oncall-alice
    email: alice@example.com
    phone: "+86 139 0000 1234"
    only: [cam-prod, vmp-bj]
    providers: { cam-prod: { remark: paged in production } }
  - name: oncall-bob
    email: bob@example.com
    phone: "+86 139 0000 5678"
    only: [tencent-cam]
`;

describe('the targets block', () => {
  it('reads each target with its provider and settings, in order; only and overrides name targets or provider ids', async () => {
    const roster = await parseRoster(ROSTER);
    expect(roster.targets).toEqual([
      { name: 'cam-prod', provider: 'tencent-cam', settings: { profile: 'prod' } },
      { name: 'cam-test', provider: 'tencent-cam', settings: { assumeRole: { roleArn: 'qcs::cam::uin/100000000001:roleName/ops' } } },
      { name: 'vmp-bj', provider: 'volcengine-vmp', settings: { region: 'cn-beijing' } },
      { name: 'whatsapp', provider: 'alibaba-chatapp', settings: { custSpaceId: 'cams-abc123' } },
    ]);
    expect(roster.contacts.map((contact) => contact.only)).toEqual([['cam-prod', 'vmp-bj'], ['tencent-cam']]);
    const json = await parseRoster(JSON.stringify({ targets: { 'cam-prod': { provider: 'tencent-cam', profile: 'prod' } }, contacts: [{ name: 'oncall-a', only: ['cam-prod'] }] }));
    expect(json.targets).toEqual([{ name: 'cam-prod', provider: 'tencent-cam', settings: { profile: 'prod' } }]);
  });

  it('refuses a secret, naming the key and its line and column, and says where keys belong instead', async () => {
    const withSecret = ROSTER.replace('{ provider: tencent-cam, profile: prod }', '{ provider: tencent-cam, secretId: AKIDexample, secretKey: SECRETvalue123 }');
    const error = await expectContactError(parseRoster(withSecret), 'invalid-config', { secrets: ['SECRETvalue123', 'AKIDexample'] });
    expect(error.issues?.map((issue) => issue.message)).toEqual([
      expect.stringMatching(/^targets\.cam-prod\.secretId looks like a secret: a roster never holds a secret: give the target a profile .* or a role to assume \(assumeRole: \{ roleArn \}\).* \(line 2, column \d+\)$/),
      expect.stringMatching(/^targets\.cam-prod\.secretKey looks like a secret.* \(line 2, column \d+\)$/),
    ]);
    const block = `targets:\n  rd:\n    provider: alibaba-resource-directory\n    credentials:\n      accessKeyId: LTAIexample\n      accessKeySecret: hush-hush-hush\ncontacts: []\n`;
    const nested = await expectContactError(parseRoster(block), 'invalid-config', { secrets: ['hush-hush-hush'] });
    expect(nested.message).toMatch(/targets\.rd\.credentials looks like a secret.* \(line 4, column 5\)/);
    const json = `{\n  "targets": {\n    "vmp": {\n      "provider": "volcengine-vmp",\n      "token": "tok-123456"\n    }\n  },\n  "contacts": []\n}`;
    const inJson = await expectContactError(parseRoster(json), 'invalid-config', { secrets: ['tok-123456'] });
    expect(inJson.message).toMatch(/targets\.vmp\.token looks like a secret.* \(line 5, column 7\)/);
    // A proxy URL with credentials in it is a secret too.
    const proxied = await expectContactError(parseRoster(ROSTER.replace('region: cn-beijing', 'proxy: "http://ops:pa55word@proxy.internal:3128"')), 'invalid-config', { secrets: ['pa55word'] });
    expect(proxied.message).toMatch(/targets\.vmp-bj\.proxy holds credentials.* \(line 4, column \d+\)/);
  });

  it('refuses an unknown provider, a missing one, an unknown setting and a name that is another provider', async () => {
    const error = await expectContactError(
      Promise.resolve().then(() =>
        checkRoster({
          targets: {
            'aws-prod': { provider: 'aws-sns' },
            nameless: { region: 'cn-beijing' },
            'cam-x': { provider: 'tencent-cam', colour: 'blue' },
            'volcengine-vmp': { provider: 'tencent-cam' },
          },
          contacts: [],
        }),
      ),
      'invalid-config',
    );
    expect(error.issues?.map((issue) => issue.message)).toEqual([
      expect.stringMatching(/^targets\.aws-prod\.provider "aws-sns" is not a provider \(known: tencent-cam, alibaba-resource-directory, volcengine-vmp, alibaba-chatapp\)/),
      expect.stringMatching(/^targets\.nameless\.provider is missing/),
      expect.stringMatching(/^targets\.cam-x\.colour is not a setting a roster target may give \(known: profile, assumeRole, region/),
      expect.stringMatching(/^targets\.volcengine-vmp is another provider's id/),
    ]);
  });

  it('two targets of one name: the key given twice, at its line and column', async () => {
    const twice = await expectContactError(parseRoster('targets:\n  cam: { provider: tencent-cam }\n  cam: { provider: tencent-cam, profile: test }\ncontacts: []\n'), 'invalid-input');
    expect(twice.message).toMatch(/is not valid YAML: a key is given twice: two targets, or two fields of one entry, cannot share a name \(line 3, column 3\)/);
  });

  it('refuses a name in only, an override or providers that is no target, listing the targets it knows or the one meant', async () => {
    const error = await expectContactError(
      parseRoster(ROSTER.replace('only: [cam-prod, vmp-bj]', 'only: [cam-prd, vmp-bj]').replace('{ cam-prod: { remark', '{ vmp-sh: { remark').concat('providers: [cam-prod, alibaba-resource-directory]\n')),
      'invalid-input',
    );
    const known = 'known: targets cam-prod, cam-test, vmp-bj, whatsapp; providers tencent-cam, volcengine-vmp, alibaba-chatapp';
    expect(error.issues?.map((issue) => issue.message)).toEqual([
      `providers names "alibaba-resource-directory", which is not one of the roster's targets (${known}) (line 17, column 12)`,
      `contacts[0] ("oncall-alice"): field only names "cam-prd", which is not one of the roster's targets (did you mean "cam-prod"?) (line 11, column 11)`,
      `contacts[0] ("oncall-alice"): field providers.vmp-sh is not one of the roster's targets (did you mean "vmp-bj"?) (line 12, column 26)`,
    ]);
  });

  it("without a targets block, names are provider ids, as before targets", async () => {
    const error = await expectContactError(parseRoster('contacts:\n  - name: oncall-a\n    only: [cam-prod]\n'), 'invalid-input');
    expect(error.message).toMatch(/only names "cam-prod", which is not a provider \(known: tencent-cam, /);
  });
});
