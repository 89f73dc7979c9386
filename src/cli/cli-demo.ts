/**
 * `cloud-contacts demo` (and `npm run demo`): the main job on the emulators, offline. One roster
 * is planned and applied to every provider that has landed; then the roster changes (a new
 * email, a new title, someone leaves) and is synced again, showing update, replace and prune;
 * then the roster's WhatsApp number is registered with its code (ChatApp); last, one typed error
 * from a vendor limit.
 */
import { PROVIDER_IDS } from '../model/contact.js';
import type { ProviderId } from '../model/contact.js';
import { isContactError } from '../errors/errors.js';
import { checkRoster, parseRoster } from '../sync/roster.js';
import type { Roster } from '../sync/roster.js';
import { applySync } from '../sync/sync-apply.js';
import { planSync } from '../sync/sync-plan.js';
import type { SyncProvider } from '../sync/sync-types.js';
import { DEMO_ROSTER } from './cli-demo-roster.js';
import { startLocalEmulators } from './cli-emulator.js';
import { describeError } from './cli-output.js';
import type { Output } from './cli-output.js';
import { loadProvider } from './cli-providers.js';
import { renderPlan, renderReport } from './cli-sync-output.js';

const rule = (title: string): string => `\n== ${title} ${'='.repeat(Math.max(3, 78 - title.length))}`;

/** Runs the demo; resolves to the exit code (0 when every step behaved as shown). */
export async function demoCommand(output: Output): Promise<number> {
  const ids = PROVIDER_IDS;
  output.out(`cloud-contacts demo: one roster, ${ids.length} clouds (${ids.join(', ')}), each a local emulator that speaks its vendor's API.`);
  const emulators = await startLocalEmulators(ids);
  try {
    const providers = await Promise.all(
      emulators.map((emulator) =>
        loadProvider(emulator.provider, { endpoint: emulator.endpoint, environment: { ...process.env, ...settingsOf(emulator) }, settings: { credentials: emulator.credentials } }),
      ),
    );
    const roster = await parseRoster(DEMO_ROSTER);
    output.out(`The sample roster (cloud-contacts demo --print-roster prints it) lists ${roster.contacts.length} contacts; it owns the contacts named "${roster.managed?.prefix ?? ''}" and a separator, and those it lists by name.`);

    let failures = await sync(output, 'first sync: the plan', roster, providers);

    const changed = changeRoster(roster);
    output.out(rule('the roster changes: Bob has a new email, Alice a new title, Dana has left'));
    failures += await sync(output, 'second sync: update, replace and prune', changed, providers, true);
    failures += await sync(output, 'third sync: run again, nothing left to do', changed, providers, true);

    failures += await registerNumber(output, providers, emulators);
    failures += await vendorLimit(output, providers);
    output.out(rule('done'));
    output.out(
      failures === 0
        ? [
            'Every step behaved as shown. Try it yourself, with the sample roster as a file of your own:',
            '  cloud-contacts demo --print-roster > roster.yaml',
            '  cloud-contacts emulator          # in another shell: paste the export lines it prints here',
            '  cloud-contacts plan roster.yaml  # then apply, status, and export to read it all back',
          ].join('\n')
        : `!!! ${failures} step(s) failed`,
    );
    return failures === 0 ? 0 : 1;
  } finally {
    await Promise.all(emulators.map((emulator) => emulator.close()));
  }
}

function settingsOf(emulator: { provider: ProviderId; custSpaceId?: string }): Record<string, string> {
  return emulator.custSpaceId === undefined ? {} : { [`CLOUD_CONTACTS_${emulator.provider.toUpperCase().replace(/-/g, '_')}_SETTINGS`]: JSON.stringify({ custSpaceId: emulator.custSpaceId }) };
}

async function sync(output: Output, title: string, roster: Roster, providers: readonly SyncProvider[], prune = false): Promise<number> {
  const plan = await planSync({ desired: roster.contacts, providers, prune, ...(roster.managed === undefined ? {} : { managed: roster.managed }) });
  output.out(rule(title));
  output.out(renderPlan(plan, output.columns));
  const report = await applySync(plan);
  output.out('');
  output.out(renderReport(report, output.columns));
  return report.summary.failed;
}

/** The roster a week later: Bob's new address, Alice's new role, Dana gone. */
function changeRoster(roster: Roster): Roster {
  const contacts = roster.contacts
    .filter((contact) => contact.name !== 'Oncall-Dana')
    .map((contact) => {
      if (contact.name === 'Oncall-Bob') return { ...contact, email: 'robert.li@example.com' };
      if (contact.name === 'Oncall-Alice') return { ...contact, title: 'CEO' as const };
      return contact;
    });
  return checkRoster({ ...roster, contacts });
}

/** What the ChatApp provider adds to the common methods (typed here by shape: the core never imports providers). */
interface NumberRegistration {
  sendVerification(id: string, channel: 'phone', options: { method: 'SMS' }): Promise<{ status: string; target: string }>;
  verifyAndRegister(id: string, code: string): Promise<{ id: string; status: string; details: Record<string, unknown> }>;
}

const registers = (provider: object): provider is NumberRegistration =>
  typeof (provider as Partial<NumberRegistration>).verifyAndRegister === 'function';

/**
 * A WhatsApp number is not usable when it is added: the sync left it pending verification. Its
 * owner asks for a code by SMS, reads it (the emulator's hook plays the phone), and registers.
 */
async function registerNumber(output: Output, providers: readonly SyncProvider[], emulators: ReadonlyArray<object>): Promise<number> {
  const chatapp = providers.find((provider) => provider.id === 'alibaba-chatapp');
  const phone = emulators.find((emulator) => (emulator as { provider?: string }).provider === 'alibaba-chatapp') as { verificationCode?(id: string): string | undefined } | undefined;
  if (chatapp === undefined || !registers(chatapp) || phone?.verificationCode === undefined) return 0;
  output.out(rule('a WhatsApp number: the sync added it, its code registers it (ChatApp)'));
  try {
    const numbers = await chatapp.list().all();
    const added = numbers.find((number) => number.status === 'pending-verification');
    if (added === undefined) {
      output.out('!!! no number is pending verification');
      return 1;
    }
    output.out(`${added.id} "${added.name}" is ${added.status}: it cannot send messages yet`);
    const sent = await chatapp.sendVerification(added.id, 'phone', { method: 'SMS' });
    output.out(`sendVerification(${JSON.stringify(added.id)}, 'phone', { method: 'SMS' }) -> ${sent.status}, to ${sent.target}`);
    const code = phone.verificationCode(added.id);
    if (code === undefined) {
      output.out('!!! no code reached the phone');
      return 1;
    }
    const registered = await chatapp.verifyAndRegister(added.id, code);
    output.out(`verifyAndRegister(${JSON.stringify(added.id)}, '${code}') -> ${registered.status} (${String(registered.details['vendorStatus'])})`);
    return registered.status === 'active' ? 0 : 1;
  } catch (error) {
    output.out(`!!! unexpected: ${describeError(error)}`);
    return 1;
  }
}

/** A vendor limit, as a typed error: CAM allows 10 receiver creates a day. */
async function vendorLimit(output: Output, providers: readonly SyncProvider[]): Promise<number> {
  const cam = providers.find((provider) => provider.id === 'tencent-cam');
  if (cam === undefined) return 0;
  output.out(rule("a vendor limit: CAM's 10 receiver creates a day"));
  for (let n = 1; n <= 10; n += 1) {
    try {
      await cam.create({ name: `intern-${n}`, email: `intern${n}@example.com`, phone: `+86 139 0000 ${String(1000 + n)}` });
      output.out(`created intern-${n}`);
    } catch (error) {
      if (!isContactError(error, 'quota-exceeded')) {
        output.out(`!!! unexpected: ${describeError(error)}`);
        return 1;
      }
      output.out(describeError(error));
      const where = error.vendor === undefined ? 'counted on the client, so the vendor was never asked' : `the vendor said ${error.vendor.code}`;
      output.out(`  -> a typed error: code ${error.code}, retryable ${error.retryable}, resets at ${error.resetsAt ?? '?'}; ${where}`);
      return 0;
    }
  }
  output.out('!!! the daily limit never came');
  return 1;
}
