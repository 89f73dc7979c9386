/**
 * The 20-target proof: five accounts of each provider, each its own emulator enforcing the
 * vendor's documented rate limits, and one roster of 50 contacts (40 people for CAM, Resource
 * Directory and VMP; 10 WhatsApp desk numbers for ChatApp). One plan and one apply through the API
 * and through the CLI: results grouped per target, every target in flight at once, none throttled
 * by its vendor, each emulator sent exactly its own changes, and a second apply changes nothing.
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
/** The vendor action each target's creates are made with. */
const CREATE_ACTION: Readonly<Record<ProviderId, string>> = {
  'tencent-cam': 'CreateMessageReceiver',
  'alibaba-resource-directory': 'AddMessageContact',
  'volcengine-vmp': 'CreateContact',
  'alibaba-chatapp': 'AddChatappPhoneNumber',
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
function inFlightTracker(): { onEvent: (event: ContactEvent) => void; readonly mostTargets: number; readonly vendorThrottles: number } {
  const open = new Map<string, number>();
  let most = 0;
  let throttles = 0;
  return {
    onEvent(event) {
      if (event.type === 'request') open.set(event.target, (open.get(event.target) ?? 0) + 1);
      if (event.type === 'response' || event.type === 'error') open.set(event.target, (open.get(event.target) ?? 1) - 1);
      if (event.type === 'throttle' && event.source === 'vendor') throttles += 1;
      most = Math.max(most, [...open.values()].filter((count) => count > 0).length);
    },
    get mostTargets() {
      return most;
    },
    get vendorThrottles() {
      return throttles;
    },
  };
}

/** The targets of the results, in order, each once: grouped results list each target in one run. */
function runsOf(results: readonly Pick<SyncResult, 'target'>[]): string[] {
  return results.map((result) => result.target).filter((target, index, all) => index === 0 || all[index - 1] !== target);
}

function expectEachEmulatorSentItsOwn(): void {
  for (const target of fleet.targets) {
    expect(target.emulator.requests.filter((request) => request.action === CREATE_ACTION[target.provider]), target.name).toHaveLength(createsOf(target));
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
    expect(tracker.vendorThrottles).toBe(0);
    expectEachEmulatorSentItsOwn();

    const again = await applySync(await planSync({ desired: contacts, providers }));
    expect(again.summary).toEqual({ done: 0, unchanged: 15 * PEOPLE + 5 * DESKS, skipped: 0, failed: 0 });
    expectEachEmulatorSentItsOwn();
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
      expectEachEmulatorSentItsOwn();

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
