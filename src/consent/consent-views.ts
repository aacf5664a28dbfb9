// Read-only templates: the notice and page-level problems (the receipt is in receipt-view.ts, loaded on sending).
import { html, nothing, type TemplateResult } from 'lit';
import type { ConsentStrings } from '../i18n/consent.js';
import type { Locale } from '../i18n/locale.js';
import type { Notice, NoticeBlock } from './notice-template.js';
import type { Problem } from './link-source.js';
import { formatDateTime } from './time.js';

function block(b: NoticeBlock) {
  if ('p' in b) return html`<p>${b.p}</p>`;
  if ('list' in b) return html`<ul>${b.list.map((item) => html`<li>${item}</li>`)}</ul>`;
  return html`<p>${b.label}: <a href=${b.link} target="_blank" rel="noopener noreferrer">${b.link}</a></p>`;
}

/** The notice, rendered from the same data that `noticeText` hashes. */
export function renderNotice(notice: Notice): TemplateResult {
  return html`<article part="notice" class="notice" aria-labelledby="notice-title">
    <h2 id="notice-title">${notice.title}</h2>
    ${notice.sections.map(
      (section) => html`<section>${section.heading ? html`<h3>${section.heading}</h3>` : nothing}${section.blocks.map(block)}</section>`,
    )}
  </article>`;
}

/** Title and body of a page-level problem, in the customer's language. */
export function problemText(s: ConsentStrings, problem: Problem, expiresAt: string | undefined, lang: Locale): [string, string] {
  if (problem === 'insecure') return [s.insecureTitle, s.insecureBody];
  const body =
    problem === 'expired' && expiresAt
      ? s.linkExpired(formatDateTime(expiresAt, lang))
      : problem === 'undecodable'
        ? s.linkUndecodable
        : problem === 'invalid' || problem === 'expired'
          ? s.linkInvalid
          : s.linkMissing;
  return [s.linkErrorTitle, body];
}

/** A page-level message (insecure context, bad link) in place of the form. */
export function renderProblem(title: string, body: string): TemplateResult {
  return html`<section part="problem" class="problem" role="alert" aria-labelledby="problem-title">
    <h2 id="problem-title">${title}</h2>
    <p>${body}</p>
  </section>`;
}
