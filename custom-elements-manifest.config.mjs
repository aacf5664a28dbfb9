// CEM config: internal reactive state (`static properties = { x: { state: true } }` on a private field)
// is not an attribute; the analyzer's Lit plugin lists it as one, so drop attributes of private fields.
export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/server/**'],
  outdir: 'dist',
  litelement: true,
  plugins: [
    {
      name: 'koe-drop-internal-state',
      packageLinkPhase({ customElementsManifest }) {
        for (const mod of customElementsManifest.modules ?? []) {
          for (const decl of mod.declarations ?? []) {
            if (!decl.customElement) continue;
            const hidden = new Set((decl.members ?? []).filter((m) => m.privacy === 'private' || m.privacy === 'protected' || m.name.startsWith('#')).map((m) => m.name));
            decl.attributes = (decl.attributes ?? []).filter((a) => !hidden.has(a.fieldName ?? a.name));
          }
        }
      },
    },
  ],
};
