/**
 * How `status` prints for people: a grid of people × targets whose cells are the channels there,
 * each with a symbol (in colour where the terminal has it); below it every channel that waits,
 * fails or is missing, with the vendor's reason; last, who on call can or cannot be reached. A
 * grid wider than the terminal is printed as one block per person instead.
 */
import type { ChannelReach, PersonReach, ReachabilityReport, ReachState } from '../reach/reach-types.js';
import { describeError, paint, table, visibleWidth } from './cli-output.js';
import type { Colour, Output } from './cli-output.js';

const SYMBOLS: Readonly<Record<ReachState, { readonly symbol: string; readonly colour: Colour }>> = {
  reachable: { symbol: '✓', colour: 'green' },
  pending: { symbol: '…', colour: 'yellow' },
  failing: { symbol: '✗', colour: 'red' },
  missing: { symbol: '?', colour: 'magenta' },
  'not-supported': { symbol: '-', colour: 'dim' },
};

const SHORT: Readonly<Record<ChannelReach['channel'], string>> = {
  email: 'email',
  phone: 'phone',
  number: 'number',
  'webhooks.generic': 'webhook',
  'webhooks.lark': 'lark',
  'webhooks.dingtalk': 'dingtalk',
  'webhooks.wecom': 'wecom',
};

/** The legend under the grid; it says when webhooks were not tested. */
function legend(report: ReachabilityReport): string {
  const untested = report.people.some((person) => person.targets.some((target) => target.channels.some((channel) => channel.tested === false)));
  return `✓ reachable  … pending  ✗ failing  ? missing  · not on this target${untested ? '\nWebhooks were not tested: ✓ says one is set up; --test-webhooks has the vendor post a test message to each' : ''}`;
}

/** A report as people read it. */
export function renderStatus(report: ReachabilityReport, output: Pick<Output, 'columns' | 'colour'>): string {
  const targets = report.targets.map((target) => target.target);
  const mark = (channel: ChannelReach): string => {
    const { symbol, colour } = SYMBOLS[channel.state];
    return paint(output, colour, `${symbol} ${SHORT[channel.channel]}`);
  };
  const cell = (person: PersonReach, index: number): string => {
    const target = person.targets[index]!;
    if (!target.wanted) return paint(output, 'dim', '·');
    const shown = target.channels.filter((channel) => channel.state !== 'not-supported');
    return shown.length === 0 ? paint(output, 'dim', '(nothing it can hold)') : shown.map(mark).join(' ');
  };
  const label = (person: PersonReach): string => `${person.name}${person.oncall ? ' (on call)' : ''}`;
  const verdict = (person: PersonReach): string => (person.reachable ? paint(output, 'green', 'yes') : paint(output, person.oncall ? 'red' : 'yellow', person.oncall ? 'NO' : 'no'));
  const rows = report.people.map((person) => [label(person), ...targets.map((_, index) => cell(person, index)), verdict(person)]);
  const grid = table(['person', ...targets, 'reachable'], rows);
  const fits = output.columns === undefined || Math.max(...grid.split('\n').map(visibleWidth)) <= output.columns;
  const body = fits
    ? grid
    : report.people
        .map((person) => [`${label(person)}: reachable ${verdict(person)}`, ...targets.map((target, index) => `  ${target}  ${cell(person, index)}`)].join('\n'))
        .join('\n');
  return [...unreadable(report), body, paint(output, 'dim', legend(report)), details(report, output), unsupported(report), verdictLines(report, output)].filter((part) => part !== '').join('\n\n');
}

function unreadable(report: ReachabilityReport): string[] {
  return report.targets.filter((target) => target.error !== undefined).map((target) => `! ${target.target} could not be read, so nobody is reachable there as far as this shows: ${describeError(target.error).replace(/^error: /, '')}`);
}

/** Every channel that waits, fails or is missing, with where and why. */
function details(report: ReachabilityReport, output: Pick<Output, 'columns'>): string {
  const rows = report.people.flatMap((person) =>
    person.targets.flatMap((target) =>
      target.channels
        .filter((channel) => channel.state === 'pending' || channel.state === 'failing' || channel.state === 'missing')
        .map((channel) => [person.name, target.target, SHORT[channel.channel], channel.state, explain(channel)]),
    ),
  );
  if (rows.length === 0) return '';
  return `Not reachable there yet:\n${table(['person', 'target', 'channel', 'state', 'why'], rows, output.columns)}`;
}

function explain(channel: ChannelReach): string {
  const since = channel.since === undefined ? '' : ` (since ${channel.since})`;
  const value = channel.value === undefined ? '' : `${channel.value}${since}: `;
  return `${value}${channel.reason ?? ''}`.replace(/: $/, '');
}

/** The channels the roster asks of targets that cannot hold them, counted (`--json` lists them). */
function unsupported(report: ReachabilityReport): string {
  const where = new Map<string, Set<string>>();
  for (const person of report.people) {
    for (const target of person.targets) {
      for (const channel of target.channels) if (channel.state === 'not-supported') where.set(target.target, (where.get(target.target) ?? new Set()).add(SHORT[channel.channel]));
    }
  }
  if (where.size === 0) return '';
  const said = [...where].map(([target, channels]) => `${[...channels].join(', ')} on ${target}`).join('; ');
  return `Not held where the roster asks for them (left out above; --json lists them): ${said}.`;
}

/** Who on call can and cannot be reached; and how many people can. */
function verdictLines(report: ReachabilityReport, output: Pick<Output, 'colour'>): string {
  const reachable = report.people.filter((person) => person.reachable).length;
  const lines = [`${report.people.length} ${report.people.length === 1 ? 'person' : 'people'}: ${reachable} reachable somewhere, ${report.people.length - reachable} not (yet).`];
  const oncall = report.people.filter((person) => person.oncall);
  if (oncall.length === 0) lines.push('Nobody is marked on call: add `oncall: true` to the entries who must be reachable, and status checks them.');
  for (const person of oncall) {
    if (person.reachable) {
      const ways = person.targets.flatMap((target) => target.channels.filter((channel) => channel.state === 'reachable').map((channel) => `${SHORT[channel.channel]} on ${target.target}`));
      lines.push(paint(output, 'green', `On call: ${person.name} can be reached (${ways.join(', ')}).`));
    } else lines.push(paint(output, 'red', `On call: ${person.name} CANNOT be reached anywhere.`));
  }
  return lines.join('\n');
}
