/**
 * An exported roster as a file: YAML with comments (what the export could not settle, above the
 * entry it concerns), or JSON with the same notes as `$comment`. Either reads back with
 * `parseRoster`.
 */
import type { ExportedRoster } from './export-types.js';

/** Options of {@link formatRoster}. */
export interface FormatOptions {
  /** `yaml` (default) or `json`. */
  readonly format?: 'yaml' | 'json';
}

/**
 * The text of an exported roster: a header saying where it came from and what to do next, then
 * the roster, each entry with its notes.
 *
 * @example
 * ```ts
 * await writeFile('roster.yaml', await formatRoster(await exportRoster([cam, rd])));
 * ```
 */
export async function formatRoster(exported: ExportedRoster, options: FormatOptions = {}): Promise<string> {
  const header = headerOf(exported);
  if (options.format === 'json') {
    const contacts = exported.roster.contacts.map((entry, index) => {
      const notes = exported.notes[index] ?? [];
      return notes.length === 0 ? entry : { $comment: notes.join(' '), ...entry };
    });
    return `${JSON.stringify({ $comment: header.join(' '), ...exported.roster, contacts }, null, 2)}\n`;
  }
  const yaml = await import('yaml');
  const document = new yaml.Document(exported.roster);
  document.commentBefore = header.map((line) => ` ${line}`).join('\n');
  const flow = (node: unknown): void => {
    if (yaml.isCollection(node)) node.flow = true;
  };
  flow(document.get('providers', true));
  const targets = document.get('targets', true);
  if (yaml.isMap(targets)) for (const pair of targets.items) flow(pair.value);
  const contacts = document.get('contacts', true);
  if (yaml.isSeq(contacts)) {
    contacts.items.forEach((item, index) => {
      if (!yaml.isMap(item)) return;
      for (const key of ['only', 'messageTypes', 'groupIds']) flow(item.get(key, true));
      const overrides = item.get('providers', true);
      if (yaml.isMap(overrides)) for (const pair of overrides.items) flow(pair.value);
      // Each webhook on one line: `lark: { url: { env: LARK_URL_ALICE }, secret: { env: … } }`.
      const webhooks = item.get('webhooks', true);
      if (yaml.isMap(webhooks)) for (const pair of webhooks.items) flow(pair.value);
      const notes = exported.notes[index] ?? [];
      if (notes.length > 0) item.commentBefore = notes.map((note) => ` ${note}`).join('\n');
    });
  }
  return document.toString({ lineWidth: 0, flowCollectionPadding: false });
}

/** The file's opening comment: where it came from, what was left out, what to do next. */
function headerOf(exported: ExportedRoster): string[] {
  const read = exported.targets.filter((target) => target.error === undefined);
  const failed = exported.targets.filter((target) => target.error !== undefined);
  const lines = [
    `cloud-contacts roster, exported from ${read.map((target) => `${target.target} (${target.contacts})`).join(', ') || 'no target'}.`,
    ...failed.map((target) => `${target.target} could not be read, so its contacts are not here: ${target.error?.message ?? ''}`),
    'One entry per person, merged across clouds by email and phone (and by mask and name where a cloud',
    'shows masks); names and values that differ per cloud are overrides under providers:.',
    'Next: review it, then `cloud-contacts plan <this file>`: every contact should show unchanged.',
  ];
  if (exported.roster.targets !== undefined) {
    lines.push('Give each target under targets: the settings that reach its account (profile, assumeRole, region, endpoint, ...): the export cannot know them.');
  }
  if (exported.variables.length > 0) {
    lines.push(`Webhook secrets are not written here: set ${exported.variables.map((variable) => variable.name).join(', ')} before plan and apply.`);
  }
  lines.push('Mark who is on call with `oncall: true`: `cloud-contacts status <this file>` then exits 1 when one of them cannot be reached.');
  lines.push('Add managed: (a prefix, or names) before using --prune: nothing here is owned yet, so nothing can be deleted.');
  return lines;
}
