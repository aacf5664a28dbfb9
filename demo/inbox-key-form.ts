// The form the inbox shows until it has an API key that may read: why (none, refused, lacking read), and a field.
import { html, nothing } from 'lit';
import type { InboxStrings } from './inbox-strings.js';

export type KeyProblem = 'missing' | 'refused' | 'scope';

export function keyFormView(t: InboxStrings, problem: KeyProblem, onKey: (key: string) => void) {
  const message = problem === 'refused' ? t.keyRefused : problem === 'scope' ? t.keyLacksScope : '';
  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    const value = new FormData(event.currentTarget as HTMLFormElement).get('key');
    if (typeof value === 'string' && value.trim()) onKey(value.trim());
  };
  return html`<section class="card key-card" aria-labelledby="key-heading">
    <h2 id="key-heading">${t.keyHeading}</h2>
    <p>${t.keyLead}</p>
    ${message ? html`<p class="notice danger" role="alert">${message}</p>` : nothing}
    <form class="key-form" @submit=${submit}>
      <label for="api-key">${t.keyLabel}</label>
      <input id="api-key" name="key" type="password" autocomplete="off" spellcheck="false" required aria-describedby="api-key-hint" />
      <p class="hint" id="api-key-hint">${t.keyHint}</p>
      <button type="submit" class="btn primary">${t.keySubmit}</button>
    </form>
  </section>`;
}
