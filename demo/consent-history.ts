// A request's consent history in the inbox: the answer, then each withdrawal, with what it changed (oldest first).
import { html, nothing } from 'lit';
import type { HistoryStep, RequestState } from './inbox-model.js';
import { formStrings } from './consent-request-strings.js';
import { inboxStrings } from './inbox-strings.js';
import type { DemoLocale } from './shell.js';

function step(s: HistoryStep, locale: DemoLocale) {
  const t = inboxStrings[locale];
  const label = (ids: string[]) => ids.map((id) => formStrings[locale].scope[id] ?? id).join(locale === 'ja' ? '、' : ', ');
  const colon = locale === 'ja' ? '：' : ': ';
  const when = new Intl.DateTimeFormat(locale === 'ja' ? 'ja-JP' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(s.receivedAt));
  return html`<li>
    <time datetime=${s.receivedAt}>${when}</time> <strong>${t.status[s.status]}</strong> <span class="muted">${t.historyBy(s.record.signer.name)}</span>
    ${s.withdrawn.length ? html`<br />${t.historyWithdrew}${colon}${label(s.withdrawn)}` : nothing}
    ${s.granted.length ? html`<br />${t.historyGranted}${colon}${label(s.granted)}` : nothing}
  </li>`;
}

/** Every step of the request's consent, in a disclosure that stays shut until PR opens it. */
export function historyView(r: RequestState, locale: DemoLocale) {
  if (!r.history.length) return nothing;
  return html`<details class="history">
    <summary>${inboxStrings[locale].history(r.history.length)}</summary>
    <ol>${r.history.map((s) => step(s, locale))}</ol>
  </details>`;
}
