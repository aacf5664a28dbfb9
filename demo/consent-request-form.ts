// "Request consent" dialog: PR fills in the story and scopes, the receiver signs it, PR copies the link.
import { html, nothing, render } from 'lit';
import { DEFAULT_SCOPE_IDS, type ConsentRequest, type IntakeSubmission } from '../src/core/schemas.js';
import { CHANNEL_CHOICES, consentLink, defaultFormValues, defaultSummary, defaultTitle, requestInput } from './consent-link.js';
import { formStrings as S } from './consent-request-strings.js';
import { authHeaders } from './inbox-api.js';
import type { DemoLocale } from './shell.js';

/** Copies `text`; false when the Clipboard API is missing or refused (the caller shows the text instead). */
export async function copyText(text: string): Promise<boolean> {
  try {
    if (!navigator.clipboard) return false;
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

type Step = { kind: 'form'; error?: string; fields?: string[]; sending?: boolean } | { kind: 'done'; request: ConsentRequest; copy?: 'ok' | 'failed' };

interface Ctx {
  dialog: HTMLDialogElement;
  intake: IntakeSubmission;
  locale: DemoLocale;
  requestLocale: DemoLocale;
  step: Step;
  /** Bound once, so redraws never overwrite what PR typed. */
  defaults: ReturnType<typeof defaultFormValues>;
  onIssued: (request: ConsentRequest) => void;
}

function field(form: FormData, name: string): string {
  const v = form.get(name);
  return typeof v === 'string' ? v : '';
}

async function submit(ctx: Ctx, form: HTMLFormElement): Promise<void> {
  const data = new FormData(form);
  const locale = ctx.requestLocale;
  const body = requestInput(ctx.intake.id, {
    company: field(data, 'company'),
    signerName: field(data, 'signerName'),
    signerTitle: field(data, 'signerTitle'),
    signerEmail: field(data, 'signerEmail'),
    title: field(data, 'title'),
    summary: field(data, 'summary'),
    quotes: [field(data, 'quote')],
    scopes: data.getAll('scope').map(String),
    channels: data.getAll('channel').map((id) => CHANNEL_CHOICES.find((c) => c.id === id)?.label[locale] ?? String(id)),
    termMonths: Number(field(data, 'termMonths')),
    reviewBeforePublication: data.get('review') === 'on',
    reviewWindowBusinessDays: Number(field(data, 'reviewDays')) || undefined,
    locale,
    controller: { name: field(data, 'controllerName'), contact: field(data, 'controllerContact'), email: field(data, 'controllerEmail'), privacyPolicyUrl: field(data, 'privacyUrl') },
  });
  ctx.step = { kind: 'form', sending: true };
  draw(ctx);
  try {
    const res = await fetch('/api/consent-requests', { method: 'POST', headers: { 'Content-Type': 'application/json', ...authHeaders() }, body: JSON.stringify(body) });
    const answer = (await res.json().catch(() => ({}))) as Record<string, unknown>;
    if (!res.ok) {
      const fields = Array.isArray(answer.fields) ? (answer.fields as { path: string; message: string }[]).map((f) => `${f.path}: ${f.message}`) : [];
      const error = res.status === 403 ? S[ctx.locale].noIssueScope : S[ctx.locale].rejected(res.status, String(answer.message ?? res.statusText));
      ctx.step = { kind: 'form', error, fields };
    } else {
      const request = answer as unknown as ConsentRequest;
      ctx.step = { kind: 'done', request };
      ctx.onIssued(request);
      const copied = await copyText(consentLink(request, location.origin));
      ctx.step = { kind: 'done', request, copy: copied ? 'ok' : 'failed' };
    }
  } catch (error) {
    ctx.step = { kind: 'form', error: S[ctx.locale].network(error instanceof Error ? error.message : String(error)) };
  }
  draw(ctx);
  ctx.dialog.querySelector<HTMLElement>(ctx.step.kind === 'done' ? '#consent-link' : '[role="alert"]')?.focus();
}

/** Swaps prefilled title/summary to the customer's language unless PR already edited them. */
function changeRequestLocale(ctx: Ctx, form: HTMLFormElement, next: DemoLocale): void {
  const prev = ctx.requestLocale;
  const title = form.elements.namedItem('title') as HTMLInputElement;
  const summary = form.elements.namedItem('summary') as HTMLTextAreaElement;
  if (title.value === defaultTitle(ctx.intake, prev)) title.value = defaultTitle(ctx.intake, next);
  if (summary.value === defaultSummary(prev)) summary.value = defaultSummary(next);
  ctx.requestLocale = next;
  draw(ctx);
}

function formView(ctx: Ctx) {
  const t = S[ctx.locale];
  const v = ctx.defaults;
  const step = ctx.step as Extract<Step, { kind: 'form' }>;
  const onSubmit = (e: SubmitEvent) => {
    e.preventDefault();
    void submit(ctx, e.currentTarget as HTMLFormElement);
  };
  return html`
    <form class="request-form" @submit=${onSubmit}>
      <header class="dialog-head">
        <h2 id="request-dialog-title">${t.title}</h2>
        <p>${t.intro}</p>
      </header>
      ${step.error
        ? html`<div class="form-error" role="alert" tabindex="-1">
            <p>${step.error}</p>
            ${step.fields?.length ? html`<ul>${step.fields.map((f) => html`<li class="mono">${f}</li>`)}</ul>` : nothing}
          </div>`
        : nothing}
      <fieldset>
        <legend>${t.customer}</legend>
        <div class="grid2">
          <label>${t.company}<input name="company" required maxlength="100" .value=${v.company} /></label>
          <label>${t.requestLocale}
            <select name="requestLocale" @change=${(e: Event) => changeRequestLocale(ctx, (e.target as HTMLSelectElement).form!, (e.target as HTMLSelectElement).value as DemoLocale)}>
              <option value="ja" ?selected=${ctx.requestLocale === 'ja'}>日本語</option>
              <option value="en" ?selected=${ctx.requestLocale === 'en'}>English</option>
            </select>
          </label>
          <label>${t.signerName}<input name="signerName" maxlength="100" .value=${v.signerName ?? ''} /></label>
          <label>${t.signerTitle}<input name="signerTitle" maxlength="100" .value=${v.signerTitle ?? ''} /></label>
          <label class="span2">${t.signerEmail}<input name="signerEmail" type="email" autocomplete="off" /></label>
        </div>
      </fieldset>
      <fieldset>
        <legend>${t.story}</legend>
        <label>${t.storyTitle}<input name="title" required maxlength="200" .value=${v.title} /></label>
        <label>${t.summary}<textarea name="summary" rows="2" maxlength="2000" .value=${v.summary ?? ''}></textarea></label>
        <label>${t.quote}<textarea name="quote" rows="3" required .value=${v.quotes[0] ?? ''}></textarea></label>
      </fieldset>
      <fieldset>
        <legend>${t.scopes}</legend>
        <p class="hint">${t.scopesHint}</p>
        <div class="checks">
          ${DEFAULT_SCOPE_IDS.map((id) => html`<label class="check"><input type="checkbox" name="scope" value=${id} checked />${t.scope[id] ?? id}</label>`)}
        </div>
      </fieldset>
      <fieldset>
        <legend>${t.channels}</legend>
        <div class="checks">
          ${CHANNEL_CHOICES.map((c) => html`<label class="check"><input type="checkbox" name="channel" value=${c.id} ?checked=${c.checked} />${c.label[ctx.requestLocale]}</label>`)}
        </div>
        <div class="grid2">
          <label>${t.term}<input name="termMonths" type="number" min="1" max="120" required .value=${String(v.termMonths)} /></label>
          <label>${t.reviewDays}<input name="reviewDays" type="number" min="1" max="60" .value=${String(v.reviewWindowBusinessDays ?? '')} /></label>
        </div>
        <label class="check"><input type="checkbox" name="review" checked />${t.review}</label>
      </fieldset>
      <details>
        <summary>${t.controller}: ${v.controller.name}（${v.controller.email}）</summary>
        <div class="grid2">
          <label>${t.controllerName}<input name="controllerName" required .value=${v.controller.name} /></label>
          <label>${t.controllerContact}<input name="controllerContact" .value=${v.controller.contact ?? ''} /></label>
          <label>${t.controllerEmail}<input name="controllerEmail" type="email" required .value=${v.controller.email} /></label>
          <label>${t.privacyUrl}<input name="privacyUrl" type="url" .value=${v.controller.privacyPolicyUrl ?? ''} /></label>
        </div>
      </details>
      <footer class="dialog-actions">
        <button type="button" class="btn" @click=${() => ctx.dialog.close()}>${t.cancel}</button>
        <button type="submit" class="btn primary" ?disabled=${step.sending}>${step.sending ? t.sending : t.submit}</button>
      </footer>
    </form>
  `;
}

function doneView(ctx: Ctx, step: Extract<Step, { kind: 'done' }>) {
  const t = S[ctx.locale];
  const link = consentLink(step.request, location.origin);
  const expires = new Intl.DateTimeFormat(ctx.locale === 'ja' ? 'ja-JP' : 'en-US', { dateStyle: 'long' }).format(new Date(step.request.expiresAt));
  const copy = async () => {
    const ok = await copyText(link);
    ctx.step = { ...step, copy: ok ? 'ok' : 'failed' };
    draw(ctx);
  };
  return html`
    <div class="request-done">
      <header class="dialog-head">
        <h2 id="request-dialog-title">${t.doneTitle}</h2>
        <p>${t.doneIntro(expires)}</p>
      </header>
      <p><span class="badge warn">${t.waiting}</span> <span class="mono">${step.request.id}</span></p>
      <label for="consent-link">${t.link}</label>
      <input id="consent-link" class="link-field mono" readonly .value=${link} @focus=${(e: FocusEvent) => (e.target as HTMLInputElement).select()} />
      <p class="copy-status" role="status">${step.copy === 'ok' ? t.copied : step.copy === 'failed' ? t.copyFailed : ''}</p>
      <footer class="dialog-actions">
        <a class="btn" href=${link} target="_blank" rel="noopener">${t.open}</a>
        <button type="button" class="btn" @click=${copy}>${t.copy}</button>
        <button type="button" class="btn primary" @click=${() => ctx.dialog.close()}>${t.close}</button>
      </footer>
    </div>
  `;
}

function draw(ctx: Ctx): void {
  render(ctx.step.kind === 'done' ? doneView(ctx, ctx.step) : formView(ctx), ctx.dialog);
}

/** Opens the dialog for one intake item; `onIssued` runs once the receiver has signed the request. */
export function openRequestDialog(dialog: HTMLDialogElement, intake: IntakeSubmission, locale: DemoLocale, onIssued: (r: ConsentRequest) => void): void {
  // Customers here are Japanese companies, so the customer's page defaults to ja whatever PR reads.
  const ctx: Ctx = { dialog, intake, locale, requestLocale: 'ja', step: { kind: 'form' }, defaults: defaultFormValues(intake, 'ja'), onIssued };
  render(nothing, dialog); // a fresh form each time, not the last item's values
  draw(ctx);
  dialog.showModal();
  dialog.querySelector<HTMLInputElement>('input[name="title"]')?.focus();
}
