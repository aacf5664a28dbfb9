// Consent notice hashing: the record carries the SHA-256 of the exact text the signer saw, and of the request as issued.
// The notice itself is built in notice-template.ts (wording: notice-ja.ts / notice-en.ts); consent-views.ts renders
// the same Notice object, so what is shown and what is hashed cannot drift apart. SubtleCrypto needs a secure context.
import type { ConsentRequest } from '../core/schemas.js';
import type { Notice } from './notice-template.js';

/** The exact plain text of a notice, as shown: title, then per section its heading, paragraphs, list items and links. */
export function noticeText(notice: Notice): string {
  const lines = [notice.title];
  for (const section of notice.sections) {
    lines.push('');
    if (section.heading) lines.push(section.heading);
    for (const block of section.blocks) {
      if ('p' in block) lines.push(block.p);
      else if ('list' in block) lines.push(...block.list.map((item) => `- ${item}`));
      else lines.push(`${block.label}: ${block.link}`);
    }
  }
  return lines.join('\n');
}

/** `notice.sha256` of a record: the SHA-256 of noticeText(notice). */
export function hashNotice(notice: Notice): Promise<string> {
  return sha256Hex(noticeText(notice));
}

/** `requestSha256` of a record: the SHA-256 of the request's canonical JSON, as the receiver computes it when it checks the record. */
export function hashRequest(request: ConsentRequest): Promise<string> {
  return sha256Hex(canonicalJson(request));
}

/** Lowercase hex SHA-256 of the UTF-8 bytes of `text`. */
export async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** JSON with object keys sorted at every depth (the receiver's canonical form, src/server/canonical.ts). */
export function canonicalJson(value: unknown): string {
  const sortKeys = (_key: string, v: unknown): unknown => {
    if (v === null || typeof v !== 'object' || Array.isArray(v)) return v;
    const object = v as Record<string, unknown>;
    return Object.fromEntries(Object.keys(object).sort().map((key) => [key, object[key]]));
  };
  return JSON.stringify(value, sortKeys) ?? 'null';
}
