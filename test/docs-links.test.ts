/** The documentation link checker (`npm run docs` runs it on the built site) finds what is broken and only that. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { brokenLinks } from '../scripts/check-docs-links.mjs';

const site = mkdtempSync(join(tmpdir(), 'docs-links-'));
afterAll(() => rmSync(site, { recursive: true, force: true }));

it('reports missing files and anchors, relative to each page, and passes the rest', () => {
  mkdirSync(join(site, 'modules'));
  mkdirSync(join(site, 'assets'));
  writeFileSync(join(site, 'assets/style.css'), '');
  writeFileSync(join(site, 'index.html'), '<h2 id="quick-start">Quick start</h2><a name="old-anchor"></a><a href="modules/a.html#make">a</a><a href="https://example.com/x#y">out</a><a href="#quick-start">top</a>');
  writeFileSync(
    join(site, 'modules/a.html'),
    '<link href="../assets/style.css"><a id="make"></a><a href="../index.html#quick-start">ok</a><a href="../index.html#old-anchor">ok</a><a href="index.html#quick-start">wrong folder</a><a href="../index.html#versions">no anchor</a><a href="#make">here</a><img src="../assets/missing.png">',
  );
  expect(brokenLinks(site).sort()).toEqual([
    'modules/a.html: ../assets/missing.png (no such file)',
    'modules/a.html: ../index.html#versions (no such anchor)',
    'modules/a.html: index.html#quick-start (no such file)',
  ]);
});
