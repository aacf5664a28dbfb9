// The customer's consent and withdrawal pages: <koe-consent> reads the request from the URL fragment itself.
import '../src/consent/define.js';
import { startShell, type DemoLocale, type Strings } from './shell.js';

const strings: Record<DemoLocale, Strings> = {
  ja: {
    consentTitle: '取材・掲載に関する同意書 - 株式会社Koeデモ',
    consentHeading: '取材・掲載に関する同意書',
    consentLead: '事例として掲載する内容をご確認のうえ、項目ごとに許可するかどうかをお選びください。許可しない項目があっても問題ありません。',
    withdrawTitle: '同意の撤回 - 株式会社Koeデモ',
    withdrawHeading: '同意の撤回',
    withdrawLead: '以前にいただいた掲載の同意を、すべて、または一部の項目だけ取り消すことができます。撤回のお申し出を受け付けた後、速やかに掲載の停止に対応いたします。',
    vendor: '株式会社Koeデモ',
    localeLabel: '表示言語',
    footerContact: 'このページについてのお問い合わせ：株式会社Koeデモ 広報部',
    privacy: 'プライバシーポリシー',
  },
  en: {
    consentTitle: 'Consent to an interview and case study - Koe Demo Inc.',
    consentHeading: 'Consent to an interview and case study',
    consentLead: 'Please read what we would like to publish, then choose for each use whether you allow it. It is perfectly fine to refuse some of them.',
    withdrawTitle: 'Withdraw consent - Koe Demo Inc.',
    withdrawHeading: 'Withdraw consent',
    withdrawLead: 'You can withdraw the consent you gave, in full or for some uses only. Once we receive your withdrawal, we will stop the publication promptly.',
    vendor: 'Koe Demo Inc.',
    localeLabel: 'Language',
    footerContact: 'Questions about this page: Koe Demo Inc., PR department',
    privacy: 'Privacy policy',
  },
};

/** The locale the link asks for (`#koe=` or `#koe-withdraw=`), so the page chrome matches the form. */
function linkLocale(): DemoLocale | undefined {
  const params = new URLSearchParams(location.hash.slice(1));
  const encoded = params.get('koe') ?? params.get('koe-withdraw');
  if (!encoded || !/^[A-Za-z0-9_-]+$/.test(encoded)) return undefined;
  try {
    const binary = atob(encoded.replace(/-/g, '+').replace(/_/g, '/'));
    const json = new TextDecoder().decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
    const locale = (JSON.parse(json) as { locale?: unknown }).locale;
    return locale === 'ja' || locale === 'en' ? locale : undefined;
  } catch {
    return undefined; // the element itself explains a broken link
  }
}

const query = new URLSearchParams(location.search).get('lang');
const initial: DemoLocale = query === 'en' || query === 'ja' ? query : (linkLocale() ?? 'ja');
// The customer's own choice is not stored: this browser may be someone else's next time.
startShell(strings, undefined, { initial, persist: false });
