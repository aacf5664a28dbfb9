// The default scope vocabulary (ja/en). Only the scopes a request offers are ever shown.
import type { Locale } from '../i18n/locale.js';

export const SCOPE_LABELS: Record<string, Record<Locale, string>> = {
  'company-name': { ja: '社名', en: 'Company name' },
  logo: { ja: 'ロゴ', en: 'Logo' },
  quotes: { ja: '発言の引用', en: 'Quoted statements' },
  'person-name-title': { ja: '氏名・役職', en: "Person's name and title" },
  photo: { ja: '写真', en: 'Photos' },
  video: { ja: '動画', en: 'Video' },
  interview: { ja: 'インタビュー', en: 'Interview' },
  'press-release': { ja: 'プレスリリース', en: 'Press release' },
  'sales-material': { ja: '営業資料（非公開）での利用', en: 'Use in non-public sales material' },
};

/** The label of a scope in `locale`; an unknown (custom) scope shows its ID. */
export function scopeLabel(id: string, locale: Locale): string {
  return SCOPE_LABELS[id]?.[locale] ?? id;
}
