// The twelve scenarios of issue 5, then the embed matrix of issue 9, then issue 12's two real pages on the localStorage
// lease, then issue 13's consent evidence, in order; each `run(world, row)` fills its table row and throws on a failed expectation.
import { dropAfterCommit, offlineReloadOnline, retryAfter } from './delivery-network.mjs';
import { strictCsp } from './csp.mjs';
import { xssCorpus } from './xss.mjs';
import { soak } from './soak.mjs';
import { draftQuota, idbBroken } from './storage-faults.mjs';
import { authRequired, refusedThenFixed, tabClosed, twoTabs, twoTabsLease } from './delivery-recovery.mjs';
import { EMBED_ROWS } from './embed-matrix.mjs';
import { consentEvidence } from './consent-evidence.mjs';

export const SCENARIOS = [
  { name: 'offline, reload, online', run: offlineReloadOnline },
  { name: 'drop after commit', run: dropAfterCommit },
  { name: 'Retry-After 503 s / 429 date', run: retryAfter },
  { name: '400/422 needs attention, fixed', run: refusedThenFixed },
  { name: '401 then new headers', run: authRequired },
  { name: 'two tabs go online', run: twoTabs },
  { name: 'tab closed mid-request', run: tabClosed },
  { name: 'IndexedDB throws / hangs', run: idbBroken },
  { name: 'quota exceeded saving draft', run: draftQuota },
  { name: 'strict CSP + Trusted Types', run: strictCsp },
  { name: 'XSS corpus', run: xssCorpus },
  { name: 'soak: 1,000 under random faults', run: soak, timeoutS: 240 },
  // Issue 9: the embed matrix, one row per way a host loads Koe (the React and Vue builds included).
  ...EMBED_ROWS,
  // Issue 12: scenario 6 with two real pages that have no Web Locks (`node scripts/e2e.mjs lease`).
  { name: 'two tabs without Web Locks (lease)', run: twoTabsLease },
  // Issue 13: sign, withdraw one use through the receipt's link, verify the signed receipt and the seals.
  { name: 'consent evidence: sign, withdraw one use, verify', run: consentEvidence },
];
