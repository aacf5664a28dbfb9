// Read-only templates: the notice and page-level problems (the receipt is in receipt-view.ts, loaded on sending).
import { html, nothing, type TemplateResult } from 'lit';
import type { ConsentStrings } from '../i18n/consent.js';
import type { Locale } from '../i18n/locale.js';
import type { Notice, NoticeBlock } from './notice-template.js';
import type { Problem } from './link-source.js';
import { formatDateTime } from './time.js';

function renderBlock(block: NoticeBlock) {
  if ('p' in block) return html`<p>${block.p}</p>`;
  if ('list' in block) return html`<ul>${block.list.map((item) => html`<li>${item}</li>`)}</ul>`;
  return html`<p>${block.label}: <a href=${block.link} target="_blank" rel="noopener noreferrer">${block.link}</a></p>`;
}

/** The notice, rendered from the same data that `noticeText` (notice-hash.ts) hashes. */
export function renderNotice(notice: Notice): TemplateResult {
  return html`<article part="notice" class="notice" aria-labelledby="notice-title">
    <h2 id="notice-title">${notice.title}</h2>
    ${notice.sections.map(
      (section) => html`<section>${section.heading ? html`<h3>${section.heading}</h3>` : nothing}${section.blocks.map(renderBlock)}</section>`,
    )}
  </article>`;
}

/** Title and body of a page-level problem, in the customer's language. */
export function problemText(s: ConsentStrings, problem: Problem, expiresAt: string | undefined, lang: Locale): [string, string] {
  switch (problem) {
    case 'insecure':
      return [s.insecureTitle, s.insecureBody];
    case 'expired':
      // An expired link names its expiry when it could be read; else it is as good as invalid.
      return [s.linkErrorTitle, expiresAt ? s.linkExpired(formatDateTime(expiresAt, lang)) : s.linkInvalid];
    case 'undecodable':
      return [s.linkErrorTitle, s.linkUndecodable];
    case 'invalid':
      return [s.linkErrorTitle, s.linkInvalid];
    case 'missing':
      return [s.linkErrorTitle, s.linkMissing];
  }
}

/** A page-level message (insecure context, bad link) in place of the form. */
export function renderProblem(title: string, body: string): TemplateResult {
  return html`<section part="problem" class="problem" role="alert" aria-labelledby="problem-title">
    <h2 id="problem-title">${title}</h2>
    <p>${body}</p>
  </section>`;
}
