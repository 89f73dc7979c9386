/**
 * Twelve people already in four clouds, as a team that adopts cloud-contacts finds them: made by
 * hand over the years, under other names in each console, CAM showing every email and phone
 * masked, and two cases nobody can decide alone (a CAM receiver whose masks and name fit two
 * people called Chen Wei; Dana with two contacts in VMP). Seeded through the providers' public
 * methods into the four emulators; the CLI reaches the same emulators through `env`.
 */
import type { ContactInput } from '../../src/index.js';
import type { SyncProvider } from '../../src/sync/sync-types.js';
import { alibabaChatApp } from '../../providers/alibaba-chatapp/index.js';
import { alibabaResourceDirectory } from '../../providers/alibaba-resource-directory/index.js';
import { tencentCam } from '../../providers/tencent-cam/index.js';
import { volcengineVmp } from '../../providers/volcengine-vmp/index.js';
import { startEmulator } from '../../providers/testing.js';
import type { EmulatorMap } from '../../providers/testing.js';
import { cliEnvironment } from './run-cli.js';

/** The four emulators, the providers over them, and the environment the CLI reaches them with. */
export interface Clouds {
  readonly cam: EmulatorMap['tencent-cam'];
  readonly rd: EmulatorMap['alibaba-resource-directory'];
  readonly vmp: EmulatorMap['volcengine-vmp'];
  readonly chatapp: EmulatorMap['alibaba-chatapp'];
  /** The environment of a CLI run against them (no proxy, endpoints, credentials, ChatApp's customer space). */
  readonly env: NodeJS.ProcessEnv;
  /** Fresh providers, in the CLI's order. */
  providers(): SyncProvider[];
  /** Empties all four. */
  reset(): void;
  close(): Promise<void>;
}

/** What the four emulators are started with. */
export interface CloudOptions {
  /** Resource Directory's verification messages per day (the emulator's default is 20). */
  readonly verificationsPerDay?: number;
}

/**
 * The emulators' shared clock: the real time (request signatures carry it, and the vendors refuse
 * a skew of minutes) plus what a test moved it forward, as time passing between two commands.
 */
export const clock = {
  start: Date.now(),
  offsetMs: 0,
  now(): Date {
    return new Date(clock.start + clock.offsetMs);
  },
  advance(ms: number): void {
    clock.offsetMs += ms;
  },
};

/** Starts the four emulators (CAM allowing more than its 10 creates a day, so a test can seed again), on {@link clock}. */
export async function startClouds(options: CloudOptions = {}): Promise<Clouds> {
  const now = (): Date => clock.now();
  const [cam, rd, vmp] = await Promise.all([
    startEmulator('tencent-cam', { rateLimit: false, quotas: { createsPerDay: 1000 }, now }),
    startEmulator('alibaba-resource-directory', { rateLimit: false, now, ...(options.verificationsPerDay === undefined ? {} : { quotas: { verificationsPerDay: options.verificationsPerDay } }) }),
    startEmulator('volcengine-vmp', { rateLimit: false, now }),
  ]);
  // Both Alibaba products read the same environment variables: one account's keys for both.
  const chatapp = await startEmulator('alibaba-chatapp', { rateLimit: false, credentials: rd.credentials, now });
  const env: NodeJS.ProcessEnv = cliEnvironment({ cam, rd, vmp, chatapp });
  return {
    cam,
    rd,
    vmp,
    chatapp,
    env,
    providers: () => [
      tencentCam({ endpoint: cam.endpoint, credentials: cam.credentials, rateLimit: false, quotas: false }),
      alibabaResourceDirectory({ endpoint: rd.endpoint, credentials: rd.credentials, rateLimit: false }),
      volcengineVmp({ endpoint: vmp.endpoint, credentials: vmp.credentials, rateLimit: false }),
      alibabaChatApp({ endpoint: chatapp.endpoint, credentials: chatapp.credentials, rateLimit: false, custSpaceId: chatapp.custSpaceId }),
    ],
    reset: () => {
      for (const emulator of [cam, rd, vmp, chatapp]) emulator.reset();
    },
    close: async () => {
      await Promise.all([cam.close(), rd.close(), vmp.close(), chatapp.close()]);
    },
  };
}

/** The webhook secrets (and keyed URLs) the people's VMP contacts hold, by what the export will call them. */
export const WEBHOOK_VALUES = {
  aliceLarkUrl: 'https://open.feishu.cn/open-apis/bot/v2/hook/7f0c2a9e-a11c-4e00-9d11-ALICEHOOK001',
  aliceLarkSecret: 'SEClarkAliceSecret01',
  frankDingTalkUrl: 'https://oapi.dingtalk.com/robot/send?access_token=FRANKDINGTOKEN0001',
  frankDingTalkSecret: 'SECdingFrankSecret0001',
  frankWeComUrl: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=FRANKWECOMKEY001',
  kateToken: 'TOKENkateGeneric0001',
} as const;

/** The id of the VMP contact group the seeded people are in (made in the console). */
export const ONCALL_GROUP = '5f2d7c1e-0b7a-4c3e-9d55-0a1b2c3d4e5f';

/** What each cloud holds, by hand, before anyone adopts a roster. */
export async function seedPeople(clouds: Clouds): Promise<{ readonly group: string }> {
  const [cam, rd, vmp, chatapp] = clouds.providers() as [SyncProvider, SyncProvider, SyncProvider, SyncProvider];
  const group = clouds.vmp.addContactGroup('oncall', ONCALL_GROUP);
  const camPeople: ContactInput[] = [
    { name: 'Alice Zhang', email: 'alice.zhang@example.com', phone: '+86 139 0000 1234' },
    // Two people called Chen Wei exist below: this receiver's masks and name fit both.
    { name: 'Chen Wei', email: 'chen.wei@example.com', phone: '+86 137 1234 5678', remark: 'DBA' },
    { name: 'Eve Wang', email: 'eve.wang@example.com', phone: '+86 135 0000 9999' },
    { name: 'grace', email: 'grace.li@example.com', phone: '+86 137 0000 1111' },
    { name: 'Henry', email: 'henry@example.com', phone: '+86 138 0000 2222' },
    { name: 'Jack Ma', email: 'jack@example.com', phone: '+86 138 0000 3333' },
  ];
  const rdPeople: ContactInput[] = [
    { name: 'AliceZhang', email: 'alice.zhang@example.com', phone: '+8613900001234', title: 'TechnicalDirector', messageTypes: ['FaultMessage', 'SecurityMessage'] },
    { name: 'BobLi', email: 'bob.li@example.com', phone: '+8618612343509', title: 'MaintenanceDirector', messageTypes: ['FaultMessage'] },
    { name: 'ChenWei', email: 'chen.wei@example.com', phone: '+8613712345678', title: 'Other', messageTypes: ['ServiceMessage'] },
    { name: 'DanaOps', email: 'dana@example.com', title: 'ProjectDirector', messageTypes: ['ProductMessage'] },
    { name: 'Grace', email: 'grace.li@example.com', phone: '+8613700001111', title: 'FinanceDirector', messageTypes: ['AccountExpenses'] },
    { name: 'Henry', email: 'henry@example.com', title: 'CEO', messageTypes: ['FaultMessage'] },
    { name: 'JackMa', email: 'jack@example.com', phone: '+8613800003333', title: 'CEO', messageTypes: ['SecurityMessage'] },
  ];
  const vmpPeople: ContactInput[] = [
    { name: 'alice_zhang', email: 'alice.zhang@example.com', webhooks: { lark: { url: WEBHOOK_VALUES.aliceLarkUrl, secret: WEBHOOK_VALUES.aliceLarkSecret } }, groupIds: [group] },
    { name: 'bob-li', email: 'bob.li@example.com' },
    // The other Chen Wei, an SRE: his address fits CAM's mask chen****@example.com too.
    { name: 'chen-wei', email: 'chen.wei.sre@example.com' },
    { name: 'dana', email: 'dana@example.com' },
    { name: 'dana-backup', email: 'dana@example.com', groupIds: [group] },
    {
      name: 'frank',
      email: 'frank@example.com',
      webhooks: {
        dingtalk: { url: WEBHOOK_VALUES.frankDingTalkUrl, secret: WEBHOOK_VALUES.frankDingTalkSecret, atMobiles: ['+8613900001234'] },
        wecom: { url: WEBHOOK_VALUES.frankWeComUrl },
      },
    },
    { name: 'jack-ma', email: 'jack@example.com' },
    { name: 'kate', webhooks: { generic: { url: 'https://hooks.example.com/alerts/kate', token: WEBHOOK_VALUES.kateToken } } },
    { name: 'support-desk', email: 'support@example.com' },
  ];
  const chatappNumbers: ContactInput[] = [
    { name: 'Oncall Support Desk', phone: '+65 8123 4567', email: 'support@example.com' },
    { name: 'Jack Ma Store', phone: '+86 138 0000 3333' },
  ];
  for (const [provider, people] of [
    [cam, camPeople],
    [rd, rdPeople],
    [vmp, vmpPeople],
    [chatapp, chatappNumbers],
  ] as const) {
    for (const person of people) await provider.create(person);
  }
  return { group };
}

/** The value of each variable an export of the seeded clouds names, as the team would set them from its secret store. */
export function secretVariables(variables: ReadonlyArray<{ readonly name: string; readonly entry: string; readonly field: string }>): Record<string, string> {
  const byPlace: Record<string, string> = {
    'Alice Zhang webhooks.lark.url': WEBHOOK_VALUES.aliceLarkUrl,
    'Alice Zhang webhooks.lark.secret': WEBHOOK_VALUES.aliceLarkSecret,
    'frank webhooks.dingtalk.url': WEBHOOK_VALUES.frankDingTalkUrl,
    'frank webhooks.dingtalk.secret': WEBHOOK_VALUES.frankDingTalkSecret,
    'frank webhooks.wecom.url': WEBHOOK_VALUES.frankWeComUrl,
    'kate webhooks.generic.token': WEBHOOK_VALUES.kateToken,
  };
  return Object.fromEntries(
    variables.map((variable) => {
      const value = byPlace[`${variable.entry} ${variable.field}`];
      if (value === undefined) throw new Error(`no seeded value for ${variable.name} (${variable.entry} ${variable.field})`);
      return [variable.name, value];
    }),
  );
}
