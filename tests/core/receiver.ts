// The real reference receiver, mounted by wtr at same-origin /api/*, driven through server commands.
import { executeServerCommand } from '@web/test-runner-commands';
import type { FaultPlan, Hit } from '../../src/server/faults.js';
import type { StoredLine as ServerStoredLine } from '../../src/server/store.js';

export type { FaultPlan, Hit };
/** A stored line as the tests read it: the server's shape, with the record's id reachable. */
export type StoredLine = Omit<ServerStoredLine, 'record'> & { record: { id?: string; [k: string]: unknown } };

export const receiver = {
  reset: () => executeServerCommand('koe-receiver-reset'),
  faults: (plan: FaultPlan | null) => executeServerCommand('koe-receiver-faults', plan),
  hits: async (reset = false) => ((await executeServerCommand('koe-receiver-hits', { reset })) ?? []) as Hit[],
  records: async (type: 'intake' | 'consent' = 'intake') => ((await executeServerCommand('koe-receiver-records', { type })) ?? []) as StoredLine[],
  /** POSTs to the submission endpoint (hits include CORS preflights and GETs otherwise). */
  posts: async () => (await receiver.hits()).filter((h) => h.method === 'POST' && h.path === '/api/intake'),
};

/** The Idempotency-Key as the receiver logged it, quotes or not. */
export const bareKey = (key: string | null | undefined) => (key ?? '').replace(/^"|"$/g, '');
