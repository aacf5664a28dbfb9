// `koe-receiver verify`: re-checks the evidence row by row, as stored. Every consent record must carry a seal by a
// published key that still matches its receive time and record, and its query columns must agree with the record;
// every consent request must still match its HMAC token. Anything changed after it was written is reported.
import type { ConsentRecord } from '../core/schemas.js';
import { sealedContent, verifySignature } from './seal.js';
import { verifyConsentRequest } from './signing.js';
import type { AuditRow, Storage } from './store.js';

export interface Finding {
  table: 'records' | 'consent_requests';
  seq: string;
  id: string;
  problem: string;
}

export interface VerifyReport {
  consentChecked: number;
  requestsChecked: number;
  findings: Finding[];
}

const PAGE = 500;

/** Reads every consent record and consent request once, in insertion order, and reports what no longer holds. */
export async function verifyEvidence(storage: Storage, hmacKey: string): Promise<VerifyReport> {
  const keys = new Map((await storage.sealKeys()).map((k) => [k.id, k.publicJwk]));
  const report: VerifyReport = { consentChecked: 0, requestsChecked: 0, findings: [] };
  for await (const row of rows(storage, 'records')) {
    if (row.kind !== 'consent') continue;
    report.consentChecked += 1;
    const problem = consentProblem(row, keys);
    if (problem) report.findings.push({ table: 'records', seq: row.seq, id: row.recordId, problem });
  }
  for await (const row of rows(storage, 'consent_requests')) {
    report.requestsChecked += 1;
    const problem = requestProblem(row, hmacKey);
    if (problem) report.findings.push({ table: 'consent_requests', seq: row.seq, id: row.recordId, problem });
  }
  return report;
}

async function* rows(storage: Storage, table: 'records' | 'consent_requests'): AsyncGenerator<AuditRow> {
  let after = '0';
  for (;;) {
    const page = await storage.auditRows(table, after, PAGE);
    yield* page;
    if (page.length < PAGE) return;
    after = page.at(-1)!.seq;
  }
}

function parse(text: string): Record<string, unknown> | undefined {
  try {
    const value = JSON.parse(text) as unknown;
    return value && typeof value === 'object' ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

function consentProblem(row: AuditRow, keys: Map<string, { kty: string; crv: string; x: string }>): string | undefined {
  if (!row.sealKeyId || !row.sealSignature) return 'not sealed: stored before sealing (an import or an earlier version), or its seal was removed';
  const key = keys.get(row.sealKeyId);
  if (!key) return `sealed by key ${row.sealKeyId}, which is not among the published keys`;
  const record = parse(row.record);
  if (!record || !verifySignature(key, sealedContent(row.receivedAt, record), row.sealSignature)) {
    return 'changed after it was sealed: the record or its receive time no longer matches the seal';
  }
  const consent = record as unknown as ConsentRecord;
  if (consent.receiptId !== row.recordId || consent.requestId !== row.requestId || consent.decision !== row.decision) {
    return 'its receipt, request or decision columns no longer agree with the sealed record';
  }
  return undefined;
}

function requestProblem(row: AuditRow, hmacKey: string): string | undefined {
  const request = parse(row.record);
  if (!request || request.id !== row.recordId || !verifyConsentRequest(request, hmacKey)) {
    return 'changed after it was issued: the request no longer matches its HMAC token';
  }
  return undefined;
}

/** The report as `koe-receiver verify` prints it. */
export function formatReport(report: VerifyReport, location: string): string {
  const lines = report.findings.map((f) => `  ${f.table === 'records' ? 'consent record' : 'consent request'} ${f.id} (row ${f.seq}): ${f.problem}`);
  const verdict = report.findings.length
    ? `${report.findings.length} problem(s) found:`
    : 'Every seal and every request token holds: nothing was changed after it was written.';
  return [`Checked ${report.consentChecked} consent record(s) and ${report.requestsChecked} consent request(s) in ${location}.`, verdict, ...lines, ''].join('\n');
}
