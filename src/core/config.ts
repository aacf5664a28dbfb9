// CRM context (attributes + `context` property, IDs NFKC-normalised) and the tag vocabulary.
import { cleanText, normalizeId, TAG_ID } from './text.js';
import type { EndpointCheck } from './endpoint.js';

export const FORMATS: readonly string[] = ['json', 'cloudevents'];

/** Whether an element cannot send (decided at once; the wording is fetched only then, see shared/config-problem.ts). */
export function misconfigured(endpoint: EndpointCheck, format: string, tagsProblem?: string): boolean {
  return !endpoint.ok || !FORMATS.includes(format) || !!tagsProblem;
}

/** The CRM context an element carries into every submission. */
export interface KoeContext {
  companyId?: string;
  companyName?: string;
  contactName?: string;
  dealId?: string;
  dealStage?: string;
  leadSource?: string;
  reporterId?: string;
  reporterName?: string;
  /** Host-defined fields, passed through to the submission's `custom`. */
  custom: Record<string, string | number | boolean | null>;
}

/** The `context` JS property: the known fields plus any custom ones. */
export type KoeContextInput = Partial<Omit<KoeContext, 'custom'>> & { custom?: Record<string, unknown>; [key: string]: unknown };

const CONTEXT_FIELDS = ['companyId', 'companyName', 'contactName', 'dealId', 'dealStage', 'leadSource', 'reporterId', 'reporterName'] as const;
export type ContextField = (typeof CONTEXT_FIELDS)[number];

/** Attribute name → context field: each field's attribute is its name in kebab-case (company-id → companyId). */
export const CONTEXT_ATTRIBUTES: Record<string, ContextField> = Object.fromEntries(
  CONTEXT_FIELDS.map((field) => [field.replace(/[A-Z]/g, (upper) => `-${upper.toLowerCase()}`), field]),
);

const ID_FIELDS: ReadonlySet<ContextField> = new Set(['companyId', 'dealId', 'reporterId']);
const FIELDS = new Set<string>(CONTEXT_FIELDS);

function clean(field: ContextField, value: unknown): string | undefined {
  if (typeof value === 'number') value = String(value);
  return ID_FIELDS.has(field) ? normalizeId(value) : cleanText(value);
}

/** A custom field keeps JSON scalars only (strings cleaned, numbers finite); anything else is dropped. */
function customValue(value: unknown): KoeContext['custom'][string] | undefined {
  if (typeof value === 'string') return cleanText(value);
  return value === null || typeof value === 'boolean' || Number.isFinite(value) ? (value as number | boolean | null) : undefined;
}

/**
 * Merges attribute values with the `context` property: the property wins per field;
 * unknown keys (and `context.custom`) pass through to `custom`.
 */
export function resolveContext(attributes: Partial<Record<ContextField, string | null | undefined>>, property?: KoeContextInput | null): KoeContext {
  const result: KoeContext = { custom: {} };
  for (const field of CONTEXT_FIELDS) {
    const value = clean(field, property?.[field]) ?? clean(field, attributes[field]);
    if (value !== undefined) result[field] = value;
  }
  // A property that is not an object (only plain JS can pass one) adds nothing.
  const { custom, ...rest } = typeof property === 'object' ? (property ?? {}) : {};
  // context.custom first; unknown top-level keys win over its same-named ones. Spreading null adds nothing.
  const extra: Record<string, unknown> = { ...(typeof custom === 'object' ? custom : {}) };
  for (const [key, value] of Object.entries(rest)) if (!FIELDS.has(key)) extra[key] = value;
  for (const [key, value] of Object.entries(extra)) {
    const v = customValue(value);
    if (v !== undefined && key.length <= 64) result.custom[key] = v;
  }
  return result;
}

/** One tag of the shared vocabulary. */
export interface KoeTag {
  id: string;
  label: { ja: string; en: string };
}

export const DEFAULT_TAGS: readonly KoeTag[] = [
  { id: 'case-study', label: { ja: '事例候補', en: 'Case-study candidate' } },
  { id: 'faq', label: { ja: 'FAQ候補', en: 'FAQ candidate' } },
  { id: 'great-answer', label: { ja: '好回答（スニペット）', en: 'Great answer (snippet)' } },
  { id: 'objection', label: { ja: '懸念・反論', en: 'Objection or concern' } },
  { id: 'feature-request', label: { ja: '機能要望', en: 'Feature request' } },
  { id: 'loss-reason', label: { ja: '失注理由', en: 'Loss reason' } },
  { id: 'competitor', label: { ja: '競合比較', en: 'Competitor comparison' } },
  { id: 'praise', label: { ja: '称賛', en: 'Praise' } },
];

export type TagsCheck = { ok: true; tags: KoeTag[] } | { ok: false; reason: string };

/** Validates a host-provided `tags` array; undefined/null means the default vocabulary. */
export function checkTags(value: unknown): TagsCheck {
  if (value == null) return { ok: true, tags: [...DEFAULT_TAGS] };
  if (!Array.isArray(value) || value.length === 0) return { ok: false, reason: 'tags must be a non-empty array' };
  const seen = new Set<string>();
  const tags: KoeTag[] = [];
  for (const [i, raw] of value.entries()) {
    const t = raw as Partial<KoeTag> | null;
    if (!t || typeof t.id !== 'string' || !TAG_ID.test(t.id)) return { ok: false, reason: `tags[${i}].id must match ${TAG_ID}` };
    if (seen.has(t.id)) return { ok: false, reason: `tags[${i}].id "${t.id}" is repeated` };
    const ja = cleanText(t.label?.ja);
    const en = cleanText(t.label?.en);
    if (!ja && !en) return { ok: false, reason: `tags[${i}].label needs ja or en` };
    seen.add(t.id);
    tags.push({ id: t.id, label: { ja: (ja ?? en)!, en: (en ?? ja)! } });
  }
  return { ok: true, tags };
}

/** A stable key for drafts and remembered choices: endpoint plus company/deal. */
export function contextKey(endpoint: string, context: KoeContext): string {
  return [endpoint, context.companyId ?? context.companyName ?? '', context.dealId ?? ''].join('|');
}
