/**
 * The 20-target proof: five accounts of each provider, each its own emulator enforcing the
 * vendor's documented rate limits, and one roster of 50 contacts (40 people for CAM, Resource
 * Directory and VMP; 10 WhatsApp desk numbers for ChatApp). One plan and one apply through the API
 * and through the CLI: results grouped per target, every target in flight at once, each emulator holding exactly
 * its own contacts, each once, and a second apply changes nothing.
 * Counts only: the wall times against the slowest target alone are `bench/targets.mjs`'s.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ProviderId } from '../../src/model/contact.js';
import { applySync, planSync } from '../../src/index.js';
import type { ContactEvent, SyncProvider, SyncReport, SyncResult } from '../../src/index.js';
import { tencentCam } from '../../providers/tencent-cam/index.js';
import { alibabaResourceDirectory } from '../../providers/alibaba-resource-directory/index.js';
import { volcengineVmp } from '../../providers/volcengine-vmp/index.js';
import { alibabaChatApp } from '../../providers/alibaba-chatapp/index.js';
import { fleetContacts, fleetTargetsYaml, startFleet } from '../support/target-fleet.js';
import type { Fleet, FleetTarget } from '../support/target-fleet.js';
import { runBuiltCli, writeRoster } from '../support/run-cli.js';

const PEOPLE = 40;
const DESKS = 10;
const FACTORIES: Readonly<Record<ProviderId, (settings: object) => SyncProvider>> = {
  'tencent-cam': tencentCam,
  'alibaba-resource-directory': alibabaResourceDirectory,
  'volcengine-vmp': volcengineVmp,
  'alibaba-chatapp': alibabaChatApp,
};
const contacts = fleetContacts(PEOPLE, DESKS);
const createsOf = (target: FleetTarget): number => (target.provider === 'alibaba-chatapp' ? DESKS : PEOPLE);

let fleet: Fleet;
beforeAll(async () => {
  fleet = await startFleet(5);
});
afterAll(async () => {
  await fleet.close();
});
beforeEach(() => {
  for (const target of fleet.targets) target.emulator.reset();
});

/** The most targets with a request on the wire at one moment, from the providers' own events. */
function inFlightTracker(): { onEvent: (event: ContactEvent) => void; readonly mostTargets: number } {
  const open = new Map<string, number>();
  let most = 0;
  return {
    onEvent(event) {
      if (event.type === 'request') open.set(event.target, (open.get(event.target) ?? 0) + 1);
      if (event.type === 'response' || event.type === 'error') open.set(event.target, (open.get(event.target) ?? 1) - 1);
      most = Math.max(most, [...open.values()].filter((count) => count > 0).length);
    },
    get mostTargets() {
      return most;
    },
  };
}

/** The targets of the results, in order, each once: grouped results list each target in one run. */
function runsOf(results: readonly Pick<SyncResult, 'target'>[]): string[] {
  return results.map((result) => result.target).filter((target, index, all) => index === 0 || all[index - 1] !== target);
}

/**
 * Each emulator holds exactly its own contacts, each once, read back through a provider of its
 * own. (Counted in the emulators' state, not their request logs: on a loaded machine an emulator's
 * one-second window can throttle a request the client released on its schedule, which the client
 * then retries, so the log may hold a refused attempt besides the create the vendor made.)
 */
async function expectEachEmulatorHoldsItsOwn(): Promise<void> {
  for (const target of fleet.targets) {
    const reader = FACTORIES[target.provider]({ ...target.settings, credentials: target.emulator.credentials });
    const held = (await reader.list().all()).map((contact) => contact.name);
    const wanted = contacts.filter((contact) => contact.only?.includes(target.provider) ?? true);
    expect(held.length, target.name).toBe(createsOf(target));
    expect(new Set(held).size, target.name).toBe(wanted.length);
  }
}

describe('20 targets in one roster', () => {
  it('through the API: one plan, one apply, results per target, all side by side within each account\'s limits; again, nothing changes', async () => {
    const tracker = inFlightTracker();
    const providers = fleet.targets.map((target) =>
      FACTORIES[target.provider]({ ...target.settings, credentials: target.emulator.credentials, target: target.name, onEvent: tracker.onEvent }),
    );
    const plan = await planSync({ desired: contacts, providers });
    expect(plan.providers.map((p) => p.target)).toEqual(fleet.targets.map((target) => target.name));
    for (const [index, target] of fleet.targets.entries()) {
      expect(plan.providers[index]!.entries.map((entry) => entry.kind), target.name).toEqual(Array.from({ length: createsOf(target) }, () => 'create'));
    }
    expect(tracker.mostTargets).toBe(20);

    const report: SyncReport = await applySync(plan);
    expect(report.summary).toEqual({ done: 15 * PEOPLE + 5 * DESKS, unchanged: 0, skipped: 0, failed: 0 });
    expect(runsOf(report.results)).toEqual(fleet.targets.map((target) => target.name));
    expect(report.results.every((result) => result.provider === fleet.targets.find((target) => target.name === result.target)?.provider)).toBe(true);
    expect(tracker.mostTargets).toBe(20);
    await expectEachEmulatorHoldsItsOwn();

    const again = await applySync(await planSync({ desired: contacts, providers }));
    expect(again.summary).toEqual({ done: 0, unchanged: 15 * PEOPLE + 5 * DESKS, skipped: 0, failed: 0 });
    await expectEachEmulatorHoldsItsOwn();
  });

  describe('through the CLI', () => {
    let folder: string;
    let env: NodeJS.ProcessEnv;
    beforeAll(() => {
      folder = mkdtempSync(join(tmpdir(), 'cloud-contacts-fleet-'));
      // The keys come from the vendors' variables, as an operator's do: every account of a vendor here shares them.
      env = { PATH: process.env['PATH'], ...Object.assign({}, ...fleet.targets.map((target) => target.emulator.environment)) };
    });
    afterAll(() => rmSync(folder, { recursive: true, force: true }));
    const cli = (args: string[]) => runBuiltCli(args, { cwd: folder, env });

    it('plan and apply build one provider per target; the second apply changes nothing; --target picks some', async () => {
      const roster = writeRoster(folder, `${fleetTargetsYaml(fleet)}contacts: ${JSON.stringify(contacts)}\n`);
      const applied = await cli(['apply', roster, '--json']);
      expect(applied.stderr).toBe('');
      expect(applied.code).toBe(0);
      const report = JSON.parse(applied.stdout) as SyncReport;
      expect(report.summary).toEqual({ done: 15 * PEOPLE + 5 * DESKS, unchanged: 0, skipped: 0, failed: 0 });
      expect(runsOf(report.results)).toEqual(fleet.targets.map((target) => target.name));
      await expectEachEmulatorHoldsItsOwn();

      const planned = await cli(['plan', roster]);
      expect(planned.code).toBe(0);
      for (const target of fleet.targets) expect(planned.stdout).toContain(`${target.name} (${target.provider})\n`);
      expect(planned.stdout).not.toMatch(/^\s+(create|update|replace|delete)\s/m);
      const again = JSON.parse((await cli(['apply', roster, '--json'])).stdout) as SyncReport;
      expect(again.summary).toMatchObject({ done: 0, unchanged: 15 * PEOPLE + 5 * DESKS, failed: 0 });

      const some = JSON.parse((await cli(['plan', roster, '--json', '--target', 'cam-2', '--target', 'alibaba-chatapp'])).stdout) as Array<{ target: string; id: string }>;
      expect(some.map((p) => [p.target, p.id])).toEqual([['cam-2', 'tencent-cam'], ...['wa-1', 'wa-2', 'wa-3', 'wa-4', 'wa-5'].map((name) => [name, 'alibaba-chatapp'])]);
      const unknown = await cli(['plan', roster, '--target', 'cam-9']);
      expect(unknown.code).toBe(2);
      expect(unknown.stderr).toContain('"cam-9" is not a target of the roster (its targets: cam-1, cam-2, cam-3, cam-4, cam-5, rd-1');
    });
  });
});
