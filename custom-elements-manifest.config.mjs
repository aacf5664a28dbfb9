// Custom Elements Manifest (dist/custom-elements.json) as it ships: the public API of the three elements, described
// at the modules a user imports (dist/koe-intake.js …), plus types generated from it for JSX (dist/types/jsx.d.ts,
// react.d.ts) and Vue templates (vue.d.ts).
import { writeFileSync } from 'node:fs';
import { generateJsxTypes } from 'custom-element-jsx-integration';
import { generateVuejsTypes } from 'custom-element-vuejs-integration';

/** Shipped module ← the source module it is built from (the entries of `build.lib.entry` in vite.config.ts). */
export const SHIPPED_ENTRIES = {
  'dist/index.js': 'src/index.ts',
  'dist/koe-intake.js': 'src/intake/define.ts',
  'dist/koe-snippet.js': 'src/snippet/define.ts',
  'dist/koe-consent.js': 'src/consent/define.ts',
};

/** LitElement's own members that subclasses override; not part of our API. */
const LIT_MEMBERS = new Set(['styles', 'properties', 'shadowRootOptions', 'getUpdateComplete']);

/** KoeElement's start-up plumbing (src/shared/koe-element.ts): public only so the element's controllers can read it. */
const KOE_ELEMENT_INTERNALS = new Set(['fullyDrawn', 'painted']);

const isPublic = (m) => !m.privacy || m.privacy === 'public';
const isApi = (m) => isPublic(m) && !m.name.startsWith('#') && !LIT_MEMBERS.has(m.name) && !KOE_ELEMENT_INTERNALS.has(m.name);

/** name → the declarations of that name across the source modules (a constant may be declared in several). */
function declarationsByName(manifest) {
  const byName = new Map();
  for (const mod of manifest.modules) {
    for (const decl of mod.declarations ?? []) byName.set(decl.name, [...(byName.get(decl.name) ?? []), { decl, path: mod.path }]);
  }
  return byName;
}

/** An element's public API: no private or Lit-internal members, no attribute for a read-only field, inherited members flattened. */
function publicElement(decl, byName) {
  const members = (decl.members ?? []).filter(isApi).map(({ inheritedFrom: _, ...m }) => m);
  const readonly = new Set(members.filter((m) => m.readonly).map((m) => m.name));
  const fields = new Set(members.map((m) => m.name));
  const attributes = (decl.attributes ?? [])
    .filter((a) => !a.fieldName || (fields.has(a.fieldName) && !readonly.has(a.fieldName)))
    .map(({ inheritedFrom: _, ...a }) => a);
  for (const m of members) if (readonly.has(m.name)) delete m.attribute;
  // The base classes between the element and LitElement are not exported; their members, and the custom properties
  // KoeElement documents for every element, are listed on the element.
  let superclass = decl.superclass;
  while (superclass?.module) superclass = byName.get(superclass.name)?.find((f) => f.decl.kind === 'class')?.decl.superclass;
  const cssProperties = decl.cssProperties?.map(({ inheritedFrom: _, ...p }) => p);
  return { ...decl, members, attributes, ...(cssProperties ? { cssProperties } : {}), ...(superclass ? { superclass } : {}) };
}

/** Rebuilds the manifest around the shipped entry modules; source-only modules are left out. */
function shippedManifest(manifest) {
  const modules = new Map(manifest.modules.map((m) => [m.path, m]));
  const byName = declarationsByName(manifest);
  const placed = new Map(); // declaration → shipped module that holds it
  const shipped = [];
  // Element entries first, so the root module can point at the entry that holds each element.
  const order = Object.entries(SHIPPED_ENTRIES).sort(([a], [b]) => (a === 'dist/index.js') - (b === 'dist/index.js'));
  for (const [distPath, srcPath] of order) {
    const source = modules.get(srcPath);
    if (!source) throw new Error(`custom-elements manifest: no module for ${srcPath} (entry ${distPath})`);
    const mod = { kind: 'javascript-module', path: distPath, declarations: [], exports: [] };
    for (const exp of source.exports ?? []) {
      // The manifest describes the elements, and functions an entry declares itself (defineKoeConsent).
      const found = (byName.get(exp.declaration.name) ?? []).filter((f) => f.decl.tagName || (f.decl.kind === 'function' && f.path === srcPath));
      if (found.length > 1) throw new Error(`custom-elements manifest: ${exp.name} is declared in ${found.map((f) => f.path).join(' and ')}`);
      if (!found.length) continue;
      const [{ decl }] = found;
      if (!placed.has(decl)) {
        placed.set(decl, distPath);
        mod.declarations.push(decl.tagName ? publicElement(decl, byName) : decl);
      }
      const declaration = { name: decl.name, module: placed.get(decl) };
      // The definition export is named by the tag (customElements.define(tag, …) in a function reads as "tag").
      mod.exports.push(exp.kind === 'custom-element-definition' ? { kind: exp.kind, name: decl.tagName, declaration } : { kind: 'js', name: exp.name, declaration });
    }
    shipped.push(mod);
  }
  return { ...manifest, modules: shipped.sort((a, b) => a.path.localeCompare(b.path)) };
}

/** The generator's input: writable props only, and each event typed by its detail (it writes `CustomEvent<type>`). */
function jsxInput(manifest) {
  const copy = structuredClone(manifest);
  for (const decl of copy.modules.flatMap((m) => m.declarations)) {
    if (!decl.tagName) continue;
    decl.members = decl.members.filter((m) => !m.readonly);
    for (const event of decl.events ?? []) {
      const name = /^KoeEvent<'(koe-[a-z-]+)'>$/.exec(event.type?.text ?? '')?.[1];
      if (name !== event.name) throw new Error(`${decl.tagName}: @fires ${event.name} must be typed {KoeEvent<'${event.name}'>}`);
      // An inline import (the quotes keep the generator from adding it to its own import line).
      event.type = { text: `import('./index.js').KoeEventDetails['${name}']` };
    }
  }
  return copy;
}

/** Vue's type-checker reads `@koe-sent` in a template as a prop named onKoeSent. */
function vueInput(manifest) {
  const copy = jsxInput(manifest);
  for (const event of copy.modules.flatMap((m) => m.declarations).flatMap((d) => d.events ?? [])) {
    event.name = event.name.replace(/(?:^|-)([a-z])/g, (_, letter) => letter.toUpperCase());
  }
  return copy;
}

const REACT_TYPES = `// React 19 JSX types for <koe-intake>, <koe-snippet> and <koe-consent>: attributes, properties and onkoe-* events.
// Use: "types": ["koe-widgets/react"] in tsconfig.json, or /// <reference types="koe-widgets/react" />.
import type { CustomElements } from './jsx.js';

export type { CustomElements, ScopedElements } from './jsx.js';

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements extends CustomElements {}
  }
}
`;

export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/server/**'],
  outdir: 'dist',
  litelement: true,
  // package.json's `customElements` is committed as dist/custom-elements.json; the analyzer must not rewrite it.
  packagejson: false,
  plugins: [
    {
      // Registration goes through defineElement(tag, Class) (src/shared/define-element.ts: guarded, versioned); the
      // analyzer knows customElements.define only, so each such call is recorded as the definition it is.
      name: 'koe-define-element',
      analyzePhase({ ts, node, moduleDoc }) {
        if (!ts.isCallExpression(node) || node.expression.getText() !== 'defineElement') return;
        const [tag, element] = node.arguments;
        if (!tag || !element || !ts.isIdentifier(element)) return;
        const name = ts.isStringLiteral(tag) ? tag.text : tag.getText();
        moduleDoc.exports = [...(moduleDoc.exports ?? []), { kind: 'custom-element-definition', name, declaration: { name: element.text, module: moduleDoc.path } }];
      },
    },
    {
      name: 'koe-shipped-manifest',
      packageLinkPhase({ customElementsManifest }) {
        Object.assign(customElementsManifest, shippedManifest(customElementsManifest));
        generateJsxTypes(jsxInput(customElementsManifest), { outdir: 'dist/types', fileName: 'jsx.d.ts', globalTypePath: './index.js', hideLogs: true });
        writeFileSync('dist/types/react.d.ts', REACT_TYPES);
        generateVuejsTypes(vueInput(customElementsManifest), { outdir: 'dist/types', fileName: 'vue.d.ts', globalTypePath: './index.js', hideLogs: true });
      },
    },
  ],
};
