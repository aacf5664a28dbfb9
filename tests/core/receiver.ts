// The real reference receiver, mounted by wtr at same-origin /api/*, driven through server commands.
import { executeServerCommand } from '@web/test-runner-commands';

export interface Hit {
  at: number;
  method: string;
  path: string;
  idempotencyKey?: string;
  status: number;
  fault?: string;
}
export interface StoredLine {
  receivedAt: string;
  idempotencyKey: string | null;
  type: string;
  format: 'json' | 'cloudevents';
  record: { id?: string; [k: string]: unknown };
}
export type FaultPlan =
  | { kind: 'status'; status: number; times?: number; retryAfter?: string; message?: string }
  | { kind: 'slow'; ms: number; times?: number }
  | { kind: 'drop-after-commit'; times?: number }
  | { kind: 'drop'; times?: number };

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
