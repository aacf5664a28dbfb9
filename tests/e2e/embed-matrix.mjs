// The embed matrix (issue 9): every artifact loaded the way a host loads it, each row filing one submission that the
// receiver must store with the context the host gave. Rows are scenarios (scenarios.mjs); each also fills `row.embed`,
// which scripts/e2e.mjs prints as the matrix table.
import { closedShadowRoots, classicOpaque, moduleOpaque, strictCspStandalone, tagManager, twoCopies } from './embed-scripts.mjs';
import { kintoneCustomization, kintoneMobileCustomization, kintoneMobilePlugin, kintonePlugin } from './embed-kintone.mjs';
import { iframeEmbed } from './embed-frame.mjs';
import { dynamicsWebResource, zohoWidget } from './embed-crm-widgets.mjs';
import { reactBuildRow, vueBuildRow } from './embed-react.mjs';

export const EMBED_ROWS = [
  { name: 'embed: classic script, opaque URL', run: classicOpaque },
  { name: 'embed: module script, opaque URL', run: moduleOpaque },
  { name: 'embed: tag manager (GTM Custom HTML)', run: tagManager },
  { name: 'embed: two copies (same + other version)', run: twoCopies },
  { name: 'embed: strict CSP + Trusted Types', run: strictCspStandalone },
  { name: 'embed: closed shadow roots (Salesforce)', run: closedShadowRoots },
  { name: 'embed: kintone customization', run: kintoneCustomization },
  { name: 'embed: kintone plug-in', run: kintonePlugin },
  { name: 'embed: kintone mobile customization', run: kintoneMobileCustomization },
  { name: 'embed: kintone mobile plug-in', run: kintoneMobilePlugin },
  { name: 'embed: iframe page + postMessage', run: iframeEmbed },
  { name: 'embed: Zoho CRM widget (example)', run: zohoWidget },
  { name: 'embed: Dynamics 365 web resource (example)', run: dynamicsWebResource },
  // Built by the packaging work (tests/e2e/embed-react.mjs): the React and Vue examples, from the packed tarball.
  { name: 'embed: React 19 build', run: withMatrix(reactBuildRow, { host: 'React 19 app (Vite)', artifact: 'koe-widgets/intake (packed tarball)', loadedAs: 'bundled ES modules, JSX types', checked: 'attributes, headers property, onkoe-sent' }), timeoutS: 300 },
  { name: 'embed: Vue 3 build', run: withMatrix(vueBuildRow, { host: 'Vue 3 app (Vite)', artifact: 'koe-widgets/intake (packed tarball)', loadedAs: 'bundled ES modules, vue-tsc types', checked: 'attributes, :headers, @koe-sent' }), timeoutS: 300 },
];

/** A row from elsewhere, described for the matrix table. */
function withMatrix(run, embed) {
  return (world, row) => {
    row.embed = embed;
    return run(world, row);
  };
}

/** Prints the matrix: one line per host, what it loaded and how, and what the receiver stored. */
export function printEmbedMatrix(rows) {
  const matrix = rows.filter((r) => r.embed);
  if (!matrix.length) return;
  const head = ['host', 'artifact', 'loaded as', 'stored', 'checked', 'result'];
  const body = matrix.map((r) => [r.embed.host, r.embed.artifact, r.embed.loadedAs, String(r.delivered), r.embed.checked ?? '', r.ok ? 'pass' : 'FAIL']);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)));
  const line = (cells) => `| ${cells.map((c, i) => (i === 3 ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join(' | ')} |`;
  console.log(`\nEmbed matrix\n${line(head)}\n|${widths.map((w, i) => (i === 3 ? '-'.repeat(w + 1) + ':' : ':' + '-'.repeat(w + 1))).join('|')}|`);
  for (const b of body) console.log(line(b));
}
