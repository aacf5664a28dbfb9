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

export type ConsentStatus = 'none' | 'waiting' | 'granted' | 'partly-granted' | 'declined' | 'withdrawn';

export interface RequestState {
  request: ConsentRequest;
  status: Exclude<ConsentStatus, 'none'>;
  /** Waiting past expiresAt: the link no longer works. */
  expired: boolean;
  /** The decision record (grant or decline) this status comes from, if any. */
  decision?: ConsentRecord;
  /** Scope IDs granted and not withdrawn. */
  grantedScopes: string[];
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

/** Status of one request from the consent records that answer it (newest decision wins). */
export function requestState(request: ConsentRequest, consents: readonly ConsentRecord[], now: number): RequestState {
  const answers = consents.filter((c) => c.requestId === request.id);
  const decisions = answers
    .filter((c) => c.decision !== 'withdrawn')
    .sort((a, b) => byTimeDesc(Date.parse(a.signedAt), Date.parse(b.signedAt)));
  const decision = decisions[0];
  const expired = Date.parse(request.expiresAt) <= now;
  if (!decision) return { request, status: 'waiting', expired, grantedScopes: [] };
  if (decision.decision === 'declined') return { request, status: 'declined', expired: false, decision, grantedScopes: [] };

  let granted = decision.scopes.filter((s) => s.granted).map((s) => s.id);
  // A withdrawal lists the scopes it withdraws as granted: false; an empty or all-false one withdraws everything.
  const withdrawals = consents
    .filter((c) => c.decision === 'withdrawn' && c.withdrawsReceiptId === decision.receiptId)
    .sort((a, b) => Date.parse(a.signedAt) - Date.parse(b.signedAt));
  for (const w of withdrawals) {
    const kept = new Set(w.scopes.filter((s) => s.granted).map((s) => s.id));
    granted = kept.size === 0 ? [] : granted.filter((id) => kept.has(id));
  }
  let status: RequestState['status'];
  if (withdrawals.length > 0 && granted.length === 0) status = 'withdrawn';
  else if (granted.length === 0) status = 'declined';
  else status = granted.length === decision.scopes.length && withdrawals.length === 0 ? 'granted' : 'partly-granted';
  return { request, status, expired: false, decision, grantedScopes: granted };
}

/** Joins intake lines with the requests made for them and the consent records answering those. */
export function buildItems(
  intakeLines: readonly StoredLine[],
  requests: readonly ConsentRequest[],
  consentLines: readonly StoredLine[],
  now: number = Date.now(),
): InboxItem[] {
  const consents = consentLines.map((l) => submissionOf<ConsentRecord>(l.record));
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
