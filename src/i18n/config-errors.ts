// What an element says when the host page configured it wrongly, both locales in one small module:
// it is fetched only when something is misconfigured, so neither locale weighs on a correct page.
import type { Locale } from './locale.js';

export interface ConfigStrings {
  configErrorTitle: string;
  endpointMissing: string;
  endpointInvalid: (value: string) => string;
  endpointScheme: (scheme: string) => string;
  endpointInsecure: (host: string) => string;
  endpointCredentials: string;
  formatInvalid: (value: string) => string;
  tagsConfigInvalid: (reason: string) => string;
}

export const configStrings: Record<Locale, ConfigStrings> = {
  ja: {
    configErrorTitle: '設定に誤りがあるため、送信できません',
    endpointMissing: '送信先（endpoint 属性）が設定されていません。管理者にお問い合わせください。',
    endpointInvalid: (value) => `送信先「${value}」は URL として読み取れません。`,
    endpointScheme: (scheme) => `送信先に「${scheme}」は使えません。https: の URL か、同じサイト内のパスを指定してください。`,
    endpointInsecure: (host) => `送信先「${host}」は暗号化されていない http: です。https: を使ってください（http: はこのパソコン上の localhost のみ可）。`,
    endpointCredentials: '送信先の URL にユーザー名やパスワードを含めないでください。',
    formatInvalid: (value) => `送信形式「${value}」には対応していません。json か cloudevents を指定してください。`,
    tagsConfigInvalid: (reason) => `タグの設定（tags プロパティ）に誤りがあります：${reason}`,
  },
  en: {
    configErrorTitle: 'This form cannot send because of a configuration problem',
    endpointMissing: 'No destination (the endpoint attribute) is set. Please contact your administrator.',
    endpointInvalid: (value) => `The destination “${value}” is not a valid URL.`,
    endpointScheme: (scheme) => `“${scheme}” cannot be used as a destination. Use an https: URL or a path on this site.`,
    endpointInsecure: (host) => `The destination “${host}” uses unencrypted http:. Use https: (plain http: is allowed only for localhost).`,
    endpointCredentials: 'The destination URL must not contain a user name or password.',
    formatInvalid: (value) => `The format “${value}” is not supported. Use json or cloudevents.`,
    tagsConfigInvalid: (reason) => `The tag setting (the tags property) is not valid: ${reason}`,
  },
};
