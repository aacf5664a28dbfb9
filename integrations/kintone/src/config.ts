// What Koe needs to know about a kintone app: where to send, which Space field holds the form, which fields fill the
// CRM context. The customization reads it from `window.koeKintone`; the plug-in from its settings (strings only).

/** The context fields a kintone field can fill; the reporter is always the login user. */
export const MAPPED_FIELDS = ['companyId', 'companyName', 'contactName', 'dealId', 'dealStage', 'leadSource'] as const;
export type MappedField = (typeof MAPPED_FIELDS)[number];

export type KintoneLocale = 'auto' | 'ja' | 'en';

export interface KoeKintoneConfig {
  /** Where <koe-intake> posts: the receiver's intake URL, e.g. `https://koe.example.com/api/intake`. */
  endpoint: string;
  /** The element ID of the Space field that shows the form (set in the app's form settings). */
  spaceId: string;
  /** Field codes whose values fill the context, e.g. `{ companyId: '会社ID', dealStage: 'フェーズ' }`. */
  fields?: Partial<Record<MappedField, string>>;
  /** The field code of a field (an email or chat body) whose text can be saved by selecting it: wrapped in <koe-snippet>. */
  snippetField?: string;
  /** `auto` (default): the kintone user's language; or always `ja` / `en`. */
  locale?: KintoneLocale;
}

/** The plug-in's saved settings → the config (kintone.plugin.app.getConfig gives string values only). */
export function fromPluginConfig(saved: Record<string, string> | null | undefined): KoeKintoneConfig {
  const fields: Partial<Record<MappedField, string>> = {};
  for (const field of MAPPED_FIELDS) if (saved?.[field]) fields[field] = saved[field];
  const locale = saved?.locale === 'ja' || saved?.locale === 'en' ? saved.locale : 'auto';
  return { endpoint: saved?.endpoint ?? '', spaceId: saved?.spaceId ?? '', fields, snippetField: saved?.snippetField || undefined, locale };
}

/** The config → what kintone.plugin.app.setConfig stores: a flat object of strings (empty for unused fields). */
export function toPluginConfig(config: KoeKintoneConfig): Record<string, string> {
  const saved: Record<string, string> = { endpoint: config.endpoint, spaceId: config.spaceId, snippetField: config.snippetField ?? '', locale: config.locale ?? 'auto' };
  for (const field of MAPPED_FIELDS) saved[field] = config.fields?.[field] ?? '';
  return saved;
}

/** `auto` follows the user's kintone language (getLoginUser().language): Japanese for `ja`, English for anything else. */
export function elementLocale(locale: KintoneLocale | undefined, userLanguage: string): 'ja' | 'en' {
  if (locale === 'ja' || locale === 'en') return locale;
  return userLanguage === 'ja' ? 'ja' : 'en';
}
