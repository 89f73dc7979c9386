/**
 * `cloud-contacts status <roster>` (who can be reached, where, on which channel) and
 * `cloud-contacts verify --pending <roster>` (send every verification the roster still waits for).
 */
import { sendPendingVerifications } from '../reach/pending-verifications.js';
import type { PendingVerificationReport, VerificationSent } from '../reach/pending-verifications.js';
import { reachability } from '../reach/reachability.js';
import type { ReachabilityReport } from '../reach/reach-types.js';
import type { Roster } from '../sync/roster.js';
import type { SyncProvider } from '../sync/sync-types.js';
import { paint, table } from './cli-output.js';
import type { Output } from './cli-output.js';
import { isRosterError, readRosterFile, rosterProblems } from './cli-roster.js';
import { renderStatus } from './cli-status-output.js';
import { providersFor } from './cli-sync.js';

/** The roster and its providers, read for a command that sends no webhook value (unset variables are fine). */
async function rosterAndProviders(command: string, positionals: readonly string[], flags: Readonly<Record<string, unknown>>, output: Output): Promise<{ roster: Roster; providers: SyncProvider[] } | undefined> {
  try {
    const roster = await readRosterFile(positionals[0], command, { allowUnsetVariables: true });
    return { roster, providers: await providersFor(roster, flags) };
  } catch (error) {
    if (!isRosterError(error)) throw error;
    output.err(rosterProblems(error, positionals[0]!));
    return undefined;
  }
}

/** `status`; resolves to 0, or 1 when someone on call cannot be reached (or a provider could not be read, or the roster is invalid). */
export async function statusCommand(positionals: readonly string[], flags: Readonly<Record<string, unknown>>, output: Output, json: boolean): Promise<number> {
  const read = await rosterAndProviders('status', positionals, flags, output);
  if (read === undefined) return 1;
  const report: ReachabilityReport = await reachability({ desired: read.roster.contacts, providers: read.providers, testWebhooks: flags['test-webhooks'] === true });
  output.out(json ? JSON.stringify(report, null, 2) : renderStatus(report, output));
  return report.ok ? 0 : 1;
}

/** `verify --pending`; resolves to 0, or 1 when a send failed (what a limit left for later is not a failure). */
export async function verifyPendingCommand(positionals: readonly string[], flags: Readonly<Record<string, unknown>>, output: Output, json: boolean): Promise<number> {
  const read = await rosterAndProviders('verify', positionals, flags, output);
  if (read === undefined) return 1;
  const report = await reachability({ desired: read.roster.contacts, providers: read.providers });
  const sent = await sendPendingVerifications({ report, providers: read.providers });
  output.out(json ? JSON.stringify(sent, null, 2) : renderSent(sent, output));
  return sent.ok ? 0 : 1;
}

const OUTCOMES: Readonly<Record<VerificationSent['outcome'], string>> = {
  sent: 'sent',
  'already-verified': 'already verified',
  left: 'left for later',
  cannot: 'cannot be sent',
  failed: 'FAILED',
};

function renderSent(report: PendingVerificationReport, output: Pick<Output, 'columns' | 'colour'>): string {
  if (report.results.length === 0) return 'Nothing on the roster waits for a verification.';
  const rows = report.results.map((result) => [
    paint(output, result.outcome === 'sent' || result.outcome === 'already-verified' ? 'green' : result.outcome === 'failed' ? 'red' : 'yellow', result.resetsAt === undefined ? OUTCOMES[result.outcome] : 'left for tomorrow'),
    result.person,
    result.target,
    result.channel,
    result.value ?? '',
    note(result),
  ]);
  const { sent, left, cannot, failed } = report.summary;
  const tomorrow = report.results.filter((result) => result.outcome === 'left' && result.resetsAt !== undefined);
  const later = left - tomorrow.length;
  const counts = [
    `${sent} sent`,
    report.summary['already-verified'] === 0 ? undefined : `${report.summary['already-verified']} already verified`,
    tomorrow.length === 0 ? undefined : `${tomorrow.length} left for tomorrow (the daily limit; it resets ${tomorrow[0]!.resetsAt})`,
    later === 0 ? undefined : `${later} left for a minute from now (the vendor's pause between messages to one address)`,
    cannot === 0 ? undefined : `${cannot} cannot be sent by API`,
    `${failed} failed`,
  ].filter((part) => part !== undefined);
  return `${table(['outcome', 'person', 'target', 'channel', 'to', 'note'], rows, output.columns)}\n\n${counts.join(', ')}.`;
}

function note(result: VerificationSent): string {
  if (result.outcome === 'sent') return result.requestId === undefined ? '' : `request id ${result.requestId}`;
  const wait = result.retryAfterMs === undefined ? '' : ` (in ${Math.ceil(result.retryAfterMs / 1000)} s)`;
  return `${result.reason ?? ''}${wait}`;
}
