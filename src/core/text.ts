// Text as a person counts it: graphemes, not UTF-16 units; IDs normalised so systems join.

/**
 * Characters that are always a grapheme of their own, whatever stands next to them (Unicode's grapheme break property is
 * Other: never Extend, ZWJ, SpacingMark, Prepend, a Hangul jamo or a regional indicator; CR is left out for CR LF):
 * printable ASCII with tab and LF, Latin-1, CJK symbols and punctuation without the combining tone marks (U+302A–302F),
 * hiragana without the combining sound marks (U+3099–309A), katakana, CJK ideographs, and full-width forms without the
 * half-width sound marks (U+FF9E–FF9F). Text made only of these has as many graphemes as code points.
 */
const ONE_GRAPHEME_EACH = /^[\t\n\x20-\x7e\xa0-\xff\u3000-\u3029\u3030-\u3098\u309b-\u30ff\u4e00-\u9fff\uff01-\uff9d]*$/;

// Building an Intl.Segmenter loads ICU's break rules: 20–100 ms the first time in a page (Chromium). Built when a text
// first needs it, never at module scope or for the plain Japanese and English text most counts are of.
let segmenter: Intl.Segmenter | undefined;

/** Number of user-perceived characters (grapheme clusters) in `text`. */
export function countGraphemes(text: string): number {
  if (ONE_GRAPHEME_EACH.test(text)) return text.length;
  // Intl.Segmenter is missing in older browsers (Firefox before 125): code points are the next best count there.
  if (!('Segmenter' in Intl)) return [...text].length;
  segmenter ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  return [...segmenter.segment(text)].length;
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

/** A tag or consent-scope id: lower-case letters, digits, `-` and `_`, at most 64 characters. */
export const TAG_ID = /^[a-z0-9][a-z0-9_-]{0,63}$/;
