/**
 * Checks a built documentation site for broken links: every relative `href` or `src` in every
 * page names a file that exists, and every `#anchor` an element id (or `name`) on the page it
 * points to. TypeDoc's own validation checks `{@link}` targets in comments; this checks what it
 * renders besides them: the README's links, the sidebar's guide links, the module pages' guide
 * links. Prints each broken link and exits 1 when there is one.
 *
 * Usage: node scripts/check-docs-links.mjs [folder]   (default: docs)
 */
// @ts-check
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

/** @param {string} folder @returns {string[]} */
const pagesUnder = (folder) =>
  readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    return statSync(path).isDirectory() ? pagesUnder(path) : path.endsWith('.html') ? [path] : [];
  });

/** @type {Map<string, Set<string>>} */
const idsByPage = new Map();
/** @param {string} page */
const idsOf = (page) => {
  let ids = idsByPage.get(page);
  if (ids === undefined) {
    ids = new Set([...readFileSync(page, 'utf8').matchAll(/\s(?:id|name)="([^"]+)"/g)].map((match) => match[1] ?? ''));
    idsByPage.set(page, ids);
  }
  return ids;
};

/**
 * The broken relative links of a site.
 *
 * @param {string} folder
 * @returns {string[]} one line per broken link: page, link, what is missing
 */
export function brokenLinks(folder) {
  const root = resolve(folder);
  return pagesUnder(root).flatMap((page) =>
    [...readFileSync(page, 'utf8').matchAll(/\s(?:href|src)="([^"]*)"/g)].flatMap((match) => {
      const link = (match[1] ?? '').replace(/&amp;/g, '&');
      if (link === '' || /^[a-z][a-z0-9+.-]*:/i.test(link) || link.startsWith('//')) return [];
      const [path = '', anchor] = link.split('#');
      const target = path === '' ? page : resolve(dirname(page), decodeURIComponent(path.split('?')[0] ?? ''));
      const where = `${relative(root, page)}: ${link}`;
      if (!target.startsWith(root) || !existsSync(target)) return [`${where} (no such file)`];
      if (anchor === undefined || anchor === '' || !target.endsWith('.html')) return [];
      return idsOf(target).has(decodeURIComponent(anchor)) ? [] : [`${where} (no such anchor)`];
    }),
  );
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const folder = process.argv[2] ?? 'docs';
  if (!existsSync(folder)) {
    console.error(`${folder} does not exist: run \`npm run docs\``);
    process.exit(1);
  }
  const broken = brokenLinks(folder);
  for (const line of broken) console.error(`broken link: ${line}`);
  console.log(`${folder}: ${pagesUnder(folder).length} pages, ${broken.length} broken links`);
  process.exit(broken.length === 0 ? 0 : 1);
}
