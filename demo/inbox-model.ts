// The inbox's data: stored receiver lines → items with consent status, filters and weekly tag counts (pure).
import type { ConsentRecord, ConsentRequest, IntakeSubmission } from '../src/core/schemas.js';

/** One line as GET /api/records returns it. */
export interface StoredLine<T = unknown> {
  receivedAt: string;
  idempotencyKey: string | null;
  type: string;
  format: 'json' | 'cloudevents';
  record: T;
}

export type ConsentStatus = 'none' | 'waiting' | 'granted' | 'partly-granted' | 'partly-withdrawn' | 'declined' | 'withdrawn';

/** One step of a request's history: an answer or a withdrawal, and where it left the consent. */
export interface HistoryStep {
  receivedAt: string;
  record: ConsentRecord;
  /** The status right after this step. */
  status: Exclude<ConsentStatus, 'none' | 'waiting'>;
  /** Scope IDs this step withdrew (withdrawals only; already withdrawn ones are not counted again). */
  withdrawn: string[];
  /** Scope IDs still granted after this step. */
  granted: string[];
}

export interface RequestState {
  request: ConsentRequest;
  status: Exclude<ConsentStatus, 'none'>;
  /** Waiting past expiresAt: the link no longer works. */
  expired: boolean;
  /** The decision record (grant or decline) this status comes from, if any. */
  decision?: ConsentRecord;
  /** Scope IDs granted and not withdrawn. */
  grantedScopes: string[];
  /** Every step, oldest first: the answer, then each withdrawal (granted → partly withdrawn → withdrawn). */
  history: HistoryStep[];
}

/** A stored consent record with the receiver's receive time (what GET /api/records gives, unwrapped). */
export interface ReceivedConsent {
  receivedAt: string;
  record: ConsentRecord;
}

export interface InboxItem {
  id: string;
  receivedAt: Date;
  intake: IntakeSubmission;
  requests: RequestState[];
  /** The status of the newest request, or 'none'. */
  status: ConsentStatus;
}

/** The submission inside a stored record, whether it came as plain JSON or a CloudEvent. */
export function submissionOf<T>(record: unknown): T {
  const r = record as { specversion?: unknown; data?: unknown };
  return (r && typeof r === 'object' && r.specversion === '1.0' && 'data' in r ? r.data : record) as T;
}

const byTimeDesc = (a: number, b: number) => b - a;

/**
 * Status and history of one request from the consent records answering it. The receiver keeps one answer per request
 * (the first, in stores from before it enforced that); each withdrawal of it takes scopes away for good.
 */
export function requestState(request: ConsentRequest, consents: readonly ReceivedConsent[], now: number): RequestState {
  const answers = consents.filter((c) => c.record.requestId === request.id).sort((a, b) => Date.parse(a.receivedAt) - Date.parse(b.receivedAt));
  const first = answers.find((c) => c.record.decision !== 'withdrawn');
  const expired = Date.parse(request.expiresAt) <= now;
  if (!first) return { request, status: 'waiting', expired, grantedScopes: [], history: [] };
  const decision = first.record;
  let granted = decision.scopes.filter((s) => s.granted).map((s) => s.id);
  const allGranted = granted.length === decision.scopes.length;
  const history: HistoryStep[] = [
    { receivedAt: first.receivedAt, record: decision, status: decision.decision === 'declined' ? 'declined' : allGranted ? 'granted' : 'partly-granted', withdrawn: [], granted },
  ];
  if (decision.decision === 'granted') {
    for (const w of answers.filter((c) => c.record.decision === 'withdrawn' && c.record.withdrawsReceiptId === decision.receiptId)) {
      const withdrawn = w.record.scopes.filter((s) => !s.granted && granted.includes(s.id)).map((s) => s.id);
      granted = granted.filter((id) => !withdrawn.includes(id));
      history.push({ receivedAt: w.receivedAt, record: w.record, status: granted.length ? 'partly-withdrawn' : 'withdrawn', withdrawn, granted });
    }
  }
  return { request, status: history.at(-1)!.status, expired: false, decision, grantedScopes: granted, history };
}

/** Joins intake lines with the requests made for them and the consent records answering those. */
export function buildItems(
  intakeLines: readonly StoredLine[],
  requests: readonly ConsentRequest[],
  consentLines: readonly StoredLine[],
  now: number = Date.now(),
): InboxItem[] {
  const consents = consentLines.map((l) => ({ receivedAt: l.receivedAt, record: submissionOf<ConsentRecord>(l.record) }));
  const items = intakeLines.map((line): InboxItem => {
    const intake = submissionOf<IntakeSubmission>(line.record);
    const states = requests
      .filter((r) => r.intakeId === intake.id)
      .sort((a, b) => byTimeDesc(Date.parse(a.issuedAt), Date.parse(b.issuedAt)))
      .map((r) => requestState(r, consents, now));
    return { id: intake.id, receivedAt: new Date(line.receivedAt), intake, requests: states, status: states[0]?.status ?? 'none' };
  });
  return items.sort((a, b) => byTimeDesc(a.receivedAt.getTime(), b.receivedAt.getTime()));
}

export interface InboxFilter {
  tag?: string;
  channel?: string;
}

export function filterItems(items: readonly InboxItem[], filter: InboxFilter): InboxItem[] {
  return items.filter(
    (i) => (!filter.tag || i.intake.tags.includes(filter.tag)) && (!filter.channel || i.intake.channel === filter.channel),
  );
}

/** Monday 00:00 local time of the week containing `now` (Japanese business weeks start on Monday). */
export function startOfWeek(now: Date): Date {
  const start = new Date(now.getFullYear(), now.getMonth(), now.getDate());
  start.setDate(start.getDate() - ((start.getDay() + 6) % 7));
  return start;
}

/** How many items received this week carry each tag. */
export function tagCountsThisWeek(items: readonly InboxItem[], now: Date): Map<string, number> {
  const since = startOfWeek(now).getTime();
  const counts = new Map<string, number>();
  for (const item of items) {
    if (item.receivedAt.getTime() < since) continue;
    for (const tag of new Set(item.intake.tags)) counts.set(tag, (counts.get(tag) ?? 0) + 1);
  }
  return counts;
}
