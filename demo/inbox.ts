// The PR inbox: what the receiver stored, newest first; filters, weekly tag counts, CSV, consent requests.
import { html, nothing, render } from 'lit';
import { DEFAULT_TAGS } from '../src/core/config.js';
import { CHANNELS, type ConsentRequest } from '../src/core/schemas.js';
import { consentLink, withdrawLink } from './consent-link.js';
import { historyView } from './consent-history.js';
import { copyText, openRequestDialog } from './consent-request-form.js';
import { formStrings } from './consent-request-strings.js';
import { csvBlob, csvFileName, toCsv } from './csv.js';
import { adoptKeyFromFragment, apiKey, fetchSignedRequest, fetchWithdrawalToken, forgetKey, KeyRefused, readPages, saveKey } from './inbox-api.js';
import { buildItems, filterItems, startOfWeek, tagCountsThisWeek, type ConsentStatus, type InboxItem, type RequestState, type StoredLine } from './inbox-model.js';
import { keyFormView, type KeyProblem } from './inbox-key-form.js';
import { inboxStrings } from './inbox-strings.js';
import { intake as intakeStrings } from '../src/i18n/intake.js';
import { startShell, type DemoLocale } from './shell.js';

interface State {
  items: InboxItem[];
  loading: boolean;
  error?: string;
  /** Why the API key form shows: none yet, refused (401: unknown or revoked), or lacking the read scope (403). */
  key?: KeyProblem;
  tag: string;
  channel: string;
  copy?: { key: string; link: string; ok: boolean };
  /** What the receiver sent so far; intake comes a page at a time (older pages on request). */
  lines: StoredLine[];
  requests: ConsentRequest[];
  consents: StoredLine[];
  /** Cursor of the next (older) intake page, or null when everything is loaded. */
  more: string | null;
}

const params = new URLSearchParams(location.search);
const state: State = { items: [], loading: true, tag: params.get('tag') ?? '', channel: params.get('channel') ?? '', lines: [], requests: [], consents: [], more: null };
const root = document.getElementById('inbox')!;
const dialog = document.getElementById('request-dialog') as HTMLDialogElement;
let locale: DemoLocale = 'ja';

const intl = (l: DemoLocale) => (l === 'ja' ? 'ja-JP' : 'en-US');
const tagLabel = (id: string) => DEFAULT_TAGS.find((t) => t.id === id)?.label[locale] ?? id;
const STATUS_CLASS: Record<ConsentStatus, string> = { none: '', waiting: 'warn', granted: 'ok', 'partly-granted': 'accent', 'partly-withdrawn': 'warn', declined: 'danger', withdrawn: 'danger' };

async function load(): Promise<void> {
  if (!apiKey()) {
    state.key = 'missing';
    state.loading = false;
    return draw();
  }
  try {
    // Intake until this week's tag counts are complete; consent requests and answers in full (PR issues few).
    const weekStart = startOfWeek(new Date()).getTime();
    const [intake, requests, consents] = await Promise.all([
      readPages<StoredLine>('/api/records?type=intake', (items) => Date.parse(items.at(-1)!.receivedAt) < weekStart),
      readPages<ConsentRequest>('/api/consent-requests'),
      readPages<StoredLine>('/api/records?type=consent'),
    ]);
    Object.assign(state, { lines: intake.items, more: intake.nextCursor, requests: requests.items, consents: consents.items, key: undefined, error: undefined });
    state.items = buildItems(state.lines, state.requests, state.consents);
  } catch (error) {
    failed(error);
  }
  state.loading = false;
  draw();
}

async function loadMore(): Promise<void> {
  try {
    const older = await readPages<StoredLine>('/api/records?type=intake', () => true, state.more);
    state.lines = [...state.lines, ...older.items];
    state.more = older.nextCursor;
    state.items = buildItems(state.lines, state.requests, state.consents);
  } catch (error) {
    failed(error);
  }
  draw();
}

function failed(error: unknown): void {
  if (error instanceof KeyRefused) {
    if (error.status === 401) forgetKey();
    state.key = error.status === 401 ? 'refused' : 'scope';
    state.items = [];
  } else {
    state.error = error instanceof Error ? error.message : String(error);
  }
}

function useKey(key: string): void {
  saveKey(key);
  state.loading = true;
  draw();
  void load();
}

/** Lists leave tokens out, so a link is made from the request (or the receipt's withdrawal token) fetched when asked for. */
async function linkFor(kind: 'consent' | 'withdraw', r: RequestState): Promise<string> {
  if (kind === 'consent') return consentLink(await fetchSignedRequest(r.request.id), location.origin);
  const token = await fetchWithdrawalToken(r.decision!.receiptId);
  return withdrawLink(r.request, r.decision!.receiptId, token, r.grantedScopes, location.origin);
}

async function copyRequestLink(kind: 'consent' | 'withdraw', r: RequestState): Promise<void> {
  try {
    await copyLink(`${kind === 'consent' ? 'c' : 'w'}:${r.request.id}`, await linkFor(kind, r));
  } catch (error) {
    failed(error);
    draw();
  }
}

async function openConsentPage(r: RequestState): Promise<void> {
  // Opened now, while the click still counts as one, and pointed at the link once it is made.
  const win = window.open('', '_blank');
  if (win) win.opener = null;
  try {
    const link = await linkFor('consent', r);
    if (win) win.location.href = link;
    else location.href = link;
  } catch (error) {
    win?.close();
    failed(error);
    draw();
  }
}

function setFilter(patch: Partial<Pick<State, 'tag' | 'channel'>>): void {
  Object.assign(state, patch);
  const url = new URL(location.href);
  for (const key of ['tag', 'channel'] as const) {
    if (state[key]) url.searchParams.set(key, state[key]);
    else url.searchParams.delete(key);
  }
  history.replaceState(null, '', url); // shareable, and survives a reload
  draw();
}

function exportCsv(items: InboxItem[]): void {
  const t = inboxStrings[locale];
  const v = intakeStrings[locale];
  const when = new Intl.DateTimeFormat('sv-SE', { dateStyle: 'short', timeStyle: 'short' }); // 2026-11-21 14:03, which Excel reads as a date
  const sep = locale === 'ja' ? '、' : '; ';
  const rows = items.map((i) => {
    const s = i.intake;
    return [
      when.format(i.receivedAt), s.voice.text, v.kinds[s.voice.kind], s.tags.map(tagLabel).join(sep),
      v.channels[s.channel], s.customer.companyId, s.customer.companyName, s.customer.contactName, s.customer.contactTitle,
      s.deal.id, s.deal.stage, s.leadSource, s.reporter.name, v.permissions[s.permission], t.status[i.status], i.id,
    ];
  });
  const name = csvFileName(t.csvPurpose, state.tag ? tagLabel(state.tag) : t.all, new Date());
  const url = URL.createObjectURL(csvBlob(toCsv(t.csvHeader, rows)));
  const a = Object.assign(document.createElement('a'), { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

async function copyLink(key: string, link: string): Promise<void> {
  state.copy = { key, link, ok: await copyText(link) };
  draw();
}

function requestView(r: RequestState) {
  const t = inboxStrings[locale];
  const f = formStrings[locale];
  const issued = new Intl.DateTimeFormat(intl(locale), { dateStyle: 'medium' }).format(new Date(r.request.issuedAt));
  const undo = r.decision && r.grantedScopes.length > 0;
  const copy = state.copy?.key.endsWith(r.request.id) ? state.copy : undefined;
  return html`<li class="request">
    <span class="badge ${STATUS_CLASS[r.status]}">${t.status[r.status]}${r.expired ? `（${t.expired}）` : ''}</span>
    <span class="request-title">${r.request.story.title}</span>
    <span class="muted">${t.issuedAt(issued)}</span>
    ${r.grantedScopes.length ? html`<span class="scopes">${r.grantedScopes.map((id) => f.scope[id] ?? id).join(locale === 'ja' ? '、' : ', ')}</span>` : nothing}
    ${r.status === 'waiting' && !r.expired
      ? html`<span class="request-actions">
          <button type="button" class="btn small" @click=${() => void copyRequestLink('consent', r)}>${t.copyLink}</button>
          <button type="button" class="btn small" @click=${() => void openConsentPage(r)}>${t.openConsentPage}</button>
        </span>`
      : nothing}
    ${undo
      ? html`<span class="request-actions">
          <button type="button" class="btn small" @click=${() => void copyRequestLink('withdraw', r)}>${t.copyWithdrawLink}</button>
        </span>`
      : nothing}
    ${historyView(r, locale)}
    ${copy ? html`<span class="copy-status" role="status">${copy.ok ? t.copied : t.copyFailed}</span>` : nothing}
    ${copy && !copy.ok ? html`<input class="link-field mono" readonly aria-label=${t.copyLink} .value=${copy.link} @focus=${(e: FocusEvent) => (e.target as HTMLInputElement).select()} />` : nothing}
  </li>`;
}

function itemView(item: InboxItem) {
  const t = inboxStrings[locale];
  const v = intakeStrings[locale];
  const s = item.intake;
  const received = new Intl.DateTimeFormat(intl(locale), { dateStyle: 'medium', timeStyle: 'short' }).format(item.receivedAt);
  const company = [s.customer.companyName, s.customer.companyId].filter(Boolean).join(' · ');
  const deal = [s.deal.id, s.deal.stage].filter(Boolean).join(' · ');
  const contact = [s.customer.contactName, s.customer.contactTitle].filter(Boolean).join('（') + (s.customer.contactTitle && s.customer.contactName ? '）' : '');
  return html`<li class="card item">
    <div class="item-top">
      <span class="badge">${v.kinds[s.voice.kind]}</span>
      ${s.tags.map((id) => html`<span class="badge accent">${tagLabel(id)}</span>`)}
      ${s.origin.fromSelection ? html`<span class="badge">${t.fromSelection}</span>` : nothing}
      <span class="badge status ${STATUS_CLASS[item.status]}">${t.status[item.status]}</span>
    </div>
    <blockquote class="voice">${s.voice.text}</blockquote>
    <dl class="meta">
      <div><dt>${t.received}</dt><dd><time datetime=${item.receivedAt.toISOString()}>${received}</time></dd></div>
      <div><dt>${v.channelLabel}</dt><dd>${v.channels[s.channel]}</dd></div>
      ${company ? html`<div><dt>${t.company}</dt><dd>${company}</dd></div>` : nothing}
      ${contact ? html`<div><dt>${t.contact}</dt><dd>${contact}</dd></div>` : nothing}
      ${deal ? html`<div><dt>${t.deal}</dt><dd>${deal}</dd></div>` : nothing}
      ${s.reporter.name || s.reporter.id ? html`<div><dt>${t.reporter}</dt><dd>${s.reporter.name ?? s.reporter.id}</dd></div>` : nothing}
      <div><dt>${v.permissionLabel}</dt><dd>${v.permissions[s.permission]}</dd></div>
    </dl>
    <div class="item-foot">
      ${item.requests.length ? html`<ul class="requests" aria-label=${t.requests}>${item.requests.map(requestView)}</ul>` : html`<span></span>`}
      <button type="button" class="btn" @click=${() => openRequestDialog(dialog, s, locale, () => void load())}>${t.requestConsent}</button>
    </div>
  </li>`;
}

function view() {
  const t = inboxStrings[locale];
  if (state.key) {
    return html`<header class="page-head"><div><h1>${t.heading}</h1><p class="lead">${t.lead}</p></div></header>${keyFormView(t, state.key, useKey)}`;
  }
  const now = new Date();
  const counts = tagCountsThisWeek(state.items, now);
  const since = new Intl.DateTimeFormat(intl(locale), { month: 'short', day: 'numeric', weekday: 'short' }).format(startOfWeek(now));
  const shown = filterItems(state.items, { tag: state.tag, channel: state.channel });
  const knownTags = [...DEFAULT_TAGS.map((x) => x.id), ...[...counts.keys()].filter((id) => !DEFAULT_TAGS.some((x) => x.id === id))];
  return html`
    <header class="page-head">
      <div>
        <h1>${t.heading}</h1>
        <p class="lead">${t.lead}</p>
      </div>
      <div class="page-actions">
        <button type="button" class="btn" @click=${() => void load()}>${t.reload}</button>
        <button type="button" class="btn" @click=${() => (forgetKey(), (state.key = 'missing'), draw())}>${t.forgetKey}</button>
        <button type="button" class="btn primary" ?disabled=${shown.length === 0} @click=${() => exportCsv(shown)}>${t.exportCsv}</button>
      </div>
    </header>
    <section class="card week" aria-labelledby="week-heading">
      <h2 id="week-heading">${t.weekHeading(since)}</h2>
      ${counts.size === 0 && !state.loading ? html`<p class="muted">${t.weekEmpty}</p>` : nothing}
      <ul class="tag-counts">
        ${knownTags.map((id) => {
          const n = counts.get(id) ?? 0;
          return html`<li><button type="button" class="tag-count ${n ? '' : 'zero'}" aria-pressed=${String(state.tag === id)} @click=${() => setFilter({ tag: state.tag === id ? '' : id })}>
            <span>${tagLabel(id)}</span><span class="count">${n}</span>
          </button></li>`;
        })}
      </ul>
    </section>
    <div class="toolbar">
      <label>${t.filterTag}
        <select @change=${(e: Event) => setFilter({ tag: (e.target as HTMLSelectElement).value })}>
          <option value="" ?selected=${!state.tag}>${t.all}</option>
          ${knownTags.map((id) => html`<option value=${id} ?selected=${state.tag === id}>${tagLabel(id)}</option>`)}
        </select>
      </label>
      <label>${t.filterChannel}
        <select @change=${(e: Event) => setFilter({ channel: (e.target as HTMLSelectElement).value })}>
          <option value="" ?selected=${!state.channel}>${t.all}</option>
          ${CHANNELS.map((id) => html`<option value=${id} ?selected=${state.channel === id}>${intakeStrings[locale].channels[id]}</option>`)}
        </select>
      </label>
      <span class="showing" role="status">${state.loading ? t.loading : t.showing(shown.length, state.items.length)}</span>
    </div>
    ${state.error
      ? html`<div class="card notice danger" role="alert"><p>${t.loadFailed(state.error)}</p><button type="button" class="btn" @click=${() => void load()}>${t.retry}</button></div>`
      : nothing}
    ${!state.loading && !state.error && state.items.length === 0
      ? html`<div class="card notice"><p>${t.empty}</p><a href="./index.html">${t.emptyLink}</a></div>`
      : nothing}
    ${state.items.length > 0 && shown.length === 0
      ? html`<div class="card notice"><p>${t.noMatch}</p><button type="button" class="btn" @click=${() => setFilter({ tag: '', channel: '' })}>${t.clearFilters}</button></div>`
      : nothing}
    <ul class="items">${shown.map(itemView)}</ul>
    ${state.more ? html`<p class="more"><button type="button" class="btn" @click=${() => void loadMore()}>${t.loadOlder}</button></p>` : nothing}
  `;
}

function draw(): void {
  render(view(), root);
}

const pageStrings = {
  ja: { pageTitle: inboxStrings.ja.pageTitle, navLabel: inboxStrings.ja.navLabel },
  en: { pageTitle: inboxStrings.en.pageTitle, navLabel: inboxStrings.en.navLabel },
};
adoptKeyFromFragment();
startShell(pageStrings, (next) => {
  locale = next;
  draw();
});
void load();
// The customer may sign in another tab: refresh when PR comes back to this one.
document.addEventListener('visibilitychange', () => {
  if (document.visibilityState === 'visible' && !dialog.open && !state.key) void load();
});
