// Text as a person counts it: graphemes, not UTF-16 units; IDs normalised so systems join.

// Intl.Segmenter is missing in older browsers (Firefox before 125): code points are the next best count there.
const segmenter = 'Segmenter' in Intl ? new Intl.Segmenter(undefined, { granularity: 'grapheme' }) : undefined;

/** Number of user-perceived characters (grapheme clusters) in `text`. */
export function countGraphemes(text: string): number {
  return segmenter ? [...segmenter.segment(text)].length : [...text].length;
}

/** Normalises free text from attributes or context: NFC, trimmed; empty (or not a string) becomes undefined. */
export function cleanText(value: unknown): string | undefined {
  return typeof value === 'string' ? value.normalize('NFC').trim() || undefined : undefined;
}

/** Normalises an identifier typed in another system: NFKC, trimmed, inner whitespace collapsed; empty becomes undefined. */
export function normalizeId(value: unknown): string | undefined {
  return cleanText(typeof value === 'string' ? value.normalize('NFKC').replace(/\s+/g, ' ') : undefined);
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
