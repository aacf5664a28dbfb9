// The twelve scenarios of issue 5, in order, and a thirteenth (issue 12: two real pages on the localStorage lease); each `run(world, row)` fills its table row and throws on a failed expectation.
import { dropAfterCommit, offlineReloadOnline, retryAfter } from './delivery-network.mjs';
import { strictCsp } from './csp.mjs';
import { xssCorpus } from './xss.mjs';
import { soak } from './soak.mjs';
import { draftQuota, idbBroken } from './storage-faults.mjs';
import { authRequired, refusedThenFixed, tabClosed, twoTabs, twoTabsLease } from './delivery-recovery.mjs';
// Temporary: the coordinator moves this row into the embed matrix (issue 9).
import { reactBuildRow, vueBuildRow } from './embed-react.mjs';

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
  { name: 'two tabs without Web Locks (lease)', run: twoTabsLease },
  { name: 'React 19 build', run: reactBuildRow, timeoutS: 300 },
  { name: 'Vue 3 build', run: vueBuildRow, timeoutS: 300 },
];
