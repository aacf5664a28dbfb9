import { expect } from '@open-wc/testing';
import { countGraphemes } from '../../src/core/text.js';
import { describe, it } from './mocha.js';

// The ranges countGraphemes counts without Intl.Segmenter (text.ts, ONE_GRAPHEME_EACH), as code point ranges.
const ONE_GRAPHEME_RANGES: Array<[number, number]> = [
  [0x09, 0x0a],
  [0x20, 0x7e],
  [0xa0, 0xff],
  [0x3000, 0x3029],
  [0x3030, 0x3098],
  [0x309b, 0x30ff],
  [0x4e00, 0x9fff],
  [0xff01, 0xff9d],
];

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
const bySegmenter = (text: string) => [...segmenter.segment(text)].length;

describe('countGraphemes', () => {
  it('counts as a person does: emoji with skin tones, ZWJ families, flags, combining marks, Hangul jamo, CR LF', () => {
    const cases: Array<[string, number]> = [
      ['', 0],
      ['導入後、問い合わせ対応の時間が半分になりました。', 24],
      ['Half the time, 50%!', 19],
      ['👍🏽👍🏽', 2],
      ['👨‍👩‍👧‍👦 family', 8],
      ['🇯🇵🇺🇸', 2],
      ['e\u0301', 1], // e + combining acute
      ['か\u3099', 1], // か + combining voiced sound mark
      ['ｶﾞ', 1], // half-width ka + half-width voiced sound mark
      ['\u1100\u1161\u11a8', 1], // Hangul jamo L V T: one syllable
      ['a\r\nb', 3],
      ['〽\ufe0f', 1], // a pictograph with its emoji presentation selector
      ['𠮷野家', 3], // outside the BMP
    ];
    for (const [text, expected] of cases) expect(countGraphemes(text), JSON.stringify(text)).to.equal(expected);
  });

  it('agrees with Intl.Segmenter on mixed text, whichever way it counts', () => {
    const texts = ['顧客の声：「ｱﾝｹｰﾄ」で 😀 を2回', 'Café crème — 100 € ©', 'ﾃﾞｰﾀ連携が\u3099難しい', 'tab\there\nnext line', '\u00ad soft hyphen'];
    for (const text of texts) expect(countGraphemes(text), text).to.equal(bySegmenter(text));
  });

  it('counts without the segmenter only characters that never join a neighbour', function () {
    this.timeout(30_000);
    // Each character of the ranges stays one grapheme between letters, next to itself, after a combining-free emoji and
    // before CR: nothing it could extend, prepend or pair with.
    const wrong: string[] = [];
    for (const [from, to] of ONE_GRAPHEME_RANGES) {
      for (let cp = from; cp <= to; cp += 1) {
        const c = String.fromCodePoint(cp);
        if (bySegmenter(`a${c}a`) !== 3 || bySegmenter(c + c) !== 2 || bySegmenter(`😀${c}`) !== 2 || bySegmenter(`${c}\r`) !== 2) wrong.push(cp.toString(16));
        if (countGraphemes(c + c) !== 2) wrong.push(`count ${cp.toString(16)}`);
      }
    }
    expect(wrong).to.deep.equal([]);
  });
});
