// Page chrome shared by the demo pages: locale choice, data-i18n translation, the ja/en switch.

export type DemoLocale = 'ja' | 'en';
export type Strings = Record<string, string>;

const STORAGE_KEY = 'koe-demo-locale';
const KOE_TAGS = 'koe-intake, koe-snippet, koe-consent';

/** Nav and header strings used on every CRM-side page. */
export const shellStrings: Record<DemoLocale, Strings> = {
  ja: {
    brand: 'Koe CRM',
    navWork: '業務',
    navHome: 'ホーム',
    navAccounts: '取引先',
    navDeals: '商談',
    navPr: '広報・マーケティング',
    navInbox: '顧客の声 受信箱',
    navConsent: '同意書（お客様用）',
    navWithdraw: '同意の撤回（お客様用）',
    search: '取引先・商談・担当者を検索',
    localeLabel: '表示言語',
  },
  en: {
    brand: 'Koe CRM',
    navWork: 'Work',
    navHome: 'Home',
    navAccounts: 'Accounts',
    navDeals: 'Deals',
    navPr: 'PR & marketing',
    navInbox: 'Customer voice inbox',
    navConsent: 'Consent (customer)',
    navWithdraw: 'Withdrawal (customer)',
    search: 'Search accounts, deals and contacts',
    localeLabel: 'Language',
  },
};

function asLocale(value: string | null | undefined): DemoLocale | undefined {
  const primary = value?.trim().toLowerCase().split(/[-_]/)[0];
  return primary === 'ja' || primary === 'en' ? primary : undefined;
}

/** The locale the page opens in: `?lang=`, then the last choice, then `fallback`. */
export function initialLocale(fallback: DemoLocale = 'ja'): DemoLocale {
  const fromQuery = asLocale(new URLSearchParams(location.search).get('lang'));
  if (fromQuery) return fromQuery;
  try {
    return asLocale(localStorage.getItem(STORAGE_KEY)) ?? fallback;
  } catch {
    return fallback; // storage blocked (private mode, policy): the default is fine
  }
}

function remember(locale: DemoLocale): void {
  try {
    localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    /* not remembered; the switch still works for this page */
  }
}

/** Sets text and attributes marked with data-i18n / data-i18n-<attr> from `strings`. */
export function translate(root: ParentNode, strings: Strings): void {
  for (const el of root.querySelectorAll<HTMLElement>('[data-i18n]')) {
    const value = strings[el.dataset.i18n ?? ''];
    if (value !== undefined) el.textContent = value;
  }
  for (const attr of ['placeholder', 'title', 'aria-label'] as const) {
    const key = `data-i18n-${attr}`;
    for (const el of root.querySelectorAll<HTMLElement>(`[${key}]`)) {
      const value = strings[el.getAttribute(key) ?? ''];
      if (value !== undefined) el.setAttribute(attr, value);
    }
  }
}

export interface Shell {
  readonly locale: DemoLocale;
  setLocale(locale: DemoLocale): void;
}

/**
 * Wires the ja/en switch (`[data-locale-switch] button[data-locale]`): sets <html lang>,
 * the `locale` attribute of every Koe element, and the page's own strings; calls `onChange` after.
 */
export function startShell(
  pageStrings: Record<DemoLocale, Strings>,
  onChange?: (locale: DemoLocale) => void,
  opts: { initial?: DemoLocale; persist?: boolean } = {},
): Shell {
  let current: DemoLocale = opts.initial ?? initialLocale();
  const apply = (locale: DemoLocale) => {
    current = locale;
    document.documentElement.lang = locale;
    translate(document, { ...shellStrings[locale], ...pageStrings[locale] });
    for (const el of document.querySelectorAll(KOE_TAGS)) el.setAttribute('locale', locale);
    for (const button of document.querySelectorAll<HTMLButtonElement>('[data-locale-switch] button[data-locale]')) {
      button.setAttribute('aria-pressed', String(button.dataset.locale === locale));
    }
    onChange?.(locale);
  };
  for (const button of document.querySelectorAll<HTMLButtonElement>('[data-locale-switch] button[data-locale]')) {
    button.addEventListener('click', () => {
      const locale = asLocale(button.dataset.locale);
      if (!locale || locale === current) return;
      if (opts.persist !== false) remember(locale);
      apply(locale);
    });
  }
  apply(current);
  return {
    get locale() {
      return current;
    },
    setLocale: apply,
  };
}
