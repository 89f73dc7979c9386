/**
 * A TypeDoc plugin for a package with subpath exports and its guides in the README:
 * - each entry point's module is named by the specifier users import (`cloud-contacts/tencent-cam`,
 *   not `providers/tencent-cam`: TypeDoc names a module by its file path unless the file carries
 *   `@module`), and its page links to the README section that is its guide;
 * - every page's right-hand sidebar lists the README's guides (the left one scrolls to the current page).
 * Links are made relative to each page (TypeDoc's own `sidebarLinks` are used as given, which breaks
 * them on pages in sub-folders); `scripts/check-docs-links.mjs` checks every anchor after the build.
 *
 * Options: `entries`, `{ "<source path>": { "name": "<specifier>", "guide": "<README anchor>" } }`;
 * `guides`, `{ "<title>": "<README anchor>" }`.
 */
// @ts-check
import { Converter, JSX, ParameterType, ReflectionKind } from 'typedoc';

/** @param {import('typedoc').Application} app */
export function load(app) {
  app.options.addDeclaration({ name: 'entries', help: 'Per entry point source path: the module name users import, and its guide anchor in the README.', type: ParameterType.Mixed, defaultValue: {} });
  app.options.addDeclaration({ name: 'guides', help: 'The README sections listed in the right-hand sidebar of every page: title to anchor.', type: ParameterType.Mixed, defaultValue: {} });

  /** The README's page: the site's index. Set per page when it is rendered. */
  let readmeUrl = 'index.html';
  app.renderer.hooks.on('pageSidebar.begin', (context) => {
    readmeUrl = context.relativeURL('index.html');
    /** @type {Record<string, string>} */
    const guides = /** @type {never} */ (app.options.getValue('guides'));
    return JSX.createElement(
      'nav',
      { class: 'tsd-navigation guides' },
      JSX.createElement('h3', null, 'Guides (README)'),
      JSX.createElement('ul', null, ...Object.entries(guides).map(([title, anchor]) => JSX.createElement('li', null, JSX.createElement('a', { href: `${readmeUrl}#${anchor}` }, title)))),
    );
  });

  app.converter.on(Converter.EVENT_RESOLVE_BEGIN, (context) => {
    /** @type {Record<string, { name: string, guide?: string }>} */
    const entries = /** @type {never} */ (app.options.getValue('entries'));
    for (const module of context.project.getChildrenByKind(ReflectionKind.Module)) {
      const path = context.project.getSymbolIdFromReflection(module)?.packagePath;
      const entry = path === undefined ? undefined : entries[path];
      if (entry === undefined) {
        app.logger.warn(`typedoc-entries: the module ${module.name} (${path ?? 'no source'}) has no entry in the "entries" option`);
        continue;
      }
      module.name = entry.name;
      // Module pages sit one folder below the README's page (index.html); the link checker holds this.
      if (entry.guide !== undefined && module.comment !== undefined) module.comment.summary.push({ kind: 'text', text: `\n\nGuide: [${entry.name} in the README](../index.html#${entry.guide}).` });
    }
  });
}
