/**
 * The README tells the truth: its capability matrix is the one generated from the
 * capabilities data, its error table lists every code with its retryability, and it shows
 * the two commands a newcomer needs. `UPDATE_README=1` rewrites the matrix instead of failing.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CONTACT_ERROR_CODES, DEFAULT_RETRYABLE } from '../src/errors/errors.js';
import { MATRIX_END, MATRIX_START, renderCapabilityMatrix } from './support/capability-matrix.js';
import { LANDED } from './support/landed-providers.js';

const path = new URL('../README.md', import.meta.url);
const landed = LANDED.map((provider) => provider.capabilities);

describe('README', () => {
  it('holds the capability matrix generated from the capabilities data', () => {
    const readme = readFileSync(path, 'utf8');
    const start = readme.indexOf(MATRIX_START);
    const end = readme.indexOf(MATRIX_END);
    expect(start).toBeGreaterThan(-1);
    expect(end).toBeGreaterThan(start);
    const current = readme.slice(start, end + MATRIX_END.length);
    const generated = renderCapabilityMatrix(landed);
    if (process.env['UPDATE_README'] === '1' && current !== generated) {
      writeFileSync(path, readme.replace(current, generated));
      return;
    }
    expect(current).toBe(generated);
  });

  it('lists every error code once, with its retryability', () => {
    const readme = readFileSync(path, 'utf8');
    for (const code of CONTACT_ERROR_CODES) {
      const rows = readme.split('\n').filter((line) => line.startsWith(`| \`${code}\` |`));
      expect(rows, code).toHaveLength(1);
      const retryable = rows[0]!.split('|').map((cell) => cell.trim())[3];
      expect(retryable?.startsWith(DEFAULT_RETRYABLE[code] ? 'yes' : code === 'conflict' ? 'only' : 'no'), `${code}: ${retryable}`).toBe(true);
    }
  });

  it('starts with the two commands', () => {
    const top = readFileSync(path, 'utf8').split('\n').slice(0, 20).join('\n');
    expect(top).toContain('npm ci && npm run demo');
    expect(top).toContain('npm ci && npm test');
  });
});
