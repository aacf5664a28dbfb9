// Text as a person counts it: graphemes, not UTF-16 units; IDs normalised so systems join.

const segmenter: Intl.Segmenter | undefined =
  typeof Intl !== 'undefined' && 'Segmenter' in Intl ? new Intl.Segmenter(undefined, { granularity: 'grapheme' }) : undefined;

/** Number of user-perceived characters (grapheme clusters) in `text`. */
export function countGraphemes(text: string): number {
  if (!segmenter) return Array.from(text).length;
  let count = 0;
  for (const _ of segmenter.segment(text)) count += 1;
  return count;
}

/** Normalises an identifier typed in another system: NFKC, trimmed, inner whitespace collapsed. */
export function normalizeId(value: string | null | undefined): string | undefined {
  if (value == null) return undefined;
  const normalized = value.normalize('NFKC').trim().replace(/\s+/g, ' ');
  return normalized === '' ? undefined : normalized;
}

/** Normalises free text from attributes or context: NFC, trimmed; empty becomes undefined. */
export function cleanText(value: string | null | undefined): string | undefined {
  if (value == null) return undefined;
  const cleaned = value.normalize('NFC').trim();
  return cleaned === '' ? undefined : cleaned;
}

/** Limits stated to users, in graphemes. */
export const TEXT_LIMITS = {
  voice: 2000,
  name: 100,
  id: 64,
  constraints: 1000,
  reason: 1000,
  custom: 500,
} as const;
