/**
 * Renders the README's capability matrix from the providers' capabilities data, so the README
 * cannot drift from what the code validates.
 */
import { CONTACT_FIELDS } from '../../src/model/contact.js';
import type { Capabilities, FieldCapability, OperationCapability } from '../../src/contract/provider.js';
import { CONTACT_OPERATIONS } from '../../src/contract/provider.js';

export const MATRIX_START = '<!-- capability-matrix:start (generated from the capabilities data: npm run readme) -->';
export const MATRIX_END = '<!-- capability-matrix:end -->';

const escape = (text: string): string => text.replace(/\|/g, '\\|');
const row = (cells: readonly string[]): string => `| ${cells.map(escape).join(' | ')} |`;

function operationCell(capability: OperationCapability): string {
  if (capability.support === 'unsupported') return 'no';
  const via = capability.vendorOperations.join(', ');
  return capability.support === 'native' ? `yes (${via})` : `emulated (${via})`;
}

function fieldCell(capability: FieldCapability): string {
  if (capability.support === 'unsupported') return 'no';
  const parts: string[] = [capability.support];
  if (capability.rule !== undefined) parts.push(capability.rule);
  if (capability.note !== undefined) parts.push(capability.note);
  if (capability.updatable === false) parts.push('fixed after create');
  return parts.join('; ');
}

/** The whole generated section: operations, fields, limits, and the notes. */
export function renderCapabilityMatrix(providers: readonly Capabilities[]): string {
  const header = (first: string) => [row([first, ...providers.map((p) => `\`${p.provider}\``)]), row(['---', ...providers.map(() => '---')])];
  const lines: string[] = [MATRIX_START, '', `APIs: ${providers.map((p) => `\`${p.provider}\`: ${p.api}`).join('; ')}.`, '', '#### Operations', ''];
  lines.push(...header('operation'));
  for (const operation of CONTACT_OPERATIONS) lines.push(row([`\`${operation}\``, ...providers.map((p) => operationCell(p.operations[operation]))]));
  lines.push('', '#### Fields', '');
  lines.push(...header('field'));
  for (const field of CONTACT_FIELDS) lines.push(row([`\`${field}\``, ...providers.map((p) => fieldCell(p.fields[field]))]));
  lines.push('', '#### Limits', '');
  lines.push(...header('limit'));
  lines.push(row(['requests per second', ...providers.map((p) => p.rateLimits.map((r) => (r.operations.includes('*') ? `${r.perSecond}/s per operation` : `${r.perSecond}/s for ${r.operations.join(', ')}`)).join('; ') || 'not documented')]));
  lines.push(row(['quotas', ...providers.map((p) => p.quotas.map((q) => `${q.name}: ${q.limit === 'unknown' ? 'not published' : q.limit}${q.period === 'day' ? ' a day' : ''} (\`${q.vendorCode}\`)`).join('; ') || 'none documented')]));
  lines.push(row(['list page size', ...providers.map((p) => `${p.pageSize.default} (max ${p.pageSize.max})`)]));
  lines.push(row(['verification channels', ...providers.map((p) => p.verificationChannels.join(', ') || 'none')]));
  lines.push('', '#### Notes', '');
  for (const p of providers) {
    for (const operation of CONTACT_OPERATIONS) {
      const note = p.operations[operation].note;
      if (note !== undefined) lines.push(`- \`${p.provider}\` \`${operation}\`: ${note}.`);
    }
  }
  lines.push('', MATRIX_END);
  return lines.join('\n');
}
