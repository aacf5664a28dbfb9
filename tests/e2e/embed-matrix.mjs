// The embed matrix (issue 9): every artifact loaded the way a host loads it, each row filing one submission that the
// receiver must store with the context the host gave. Rows are scenarios (scenarios.mjs); each also fills `row.embed`,
// which scripts/e2e.mjs prints as the matrix table.
import { closedShadowRoots, classicOpaque, moduleOpaque, strictCspStandalone, tagManager, twoCopies } from './embed-scripts.mjs';
import { kintoneCustomization, kintonePlugin } from './embed-kintone.mjs';
import { iframeEmbed } from './embed-frame.mjs';

export const EMBED_ROWS = [
  { name: 'embed: classic script, opaque URL', run: classicOpaque },
  { name: 'embed: module script, opaque URL', run: moduleOpaque },
  { name: 'embed: tag manager (GTM Custom HTML)', run: tagManager },
  { name: 'embed: two copies (same + other version)', run: twoCopies },
  { name: 'embed: strict CSP + Trusted Types', run: strictCspStandalone },
  { name: 'embed: closed shadow roots (Salesforce)', run: closedShadowRoots },
  { name: 'embed: kintone customization', run: kintoneCustomization },
  { name: 'embed: kintone plug-in', run: kintonePlugin },
  { name: 'embed: iframe page + postMessage', run: iframeEmbed },
  // ── MERGE (package branch): the React 19 row goes here, built by the packaging helper in tests/e2e/embed-react.mjs:
  //      import { reactBuildRow } from './embed-react.mjs';
  //      { name: 'embed: React 19 build', run: reactBuildRow },
  //    reactBuildRow(world, row) files one submission like the rows above and may set row.embed for the table.
];

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
