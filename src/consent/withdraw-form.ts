// The withdrawal form, fetched only in withdraw mode: which granted scopes to withdraw, and who is withdrawing.
import { html, nothing, type TemplateResult } from 'lit';
import type { WithdrawStrings } from '../i18n/withdraw.js';
import { error, field, sendBlock, type FormView } from './consent-form.js';
import type { WithdrawLink } from './link-codec.js';
import { scopeLabel } from './scopes.js';

/** The withdrawal form: which granted scopes to withdraw, and who is withdrawing. */
export function renderWithdrawForm(v: FormView, w: WithdrawLink, ws: WithdrawStrings): TemplateResult {
  const { s, form } = v;
  const toggle = (id: string) => (e: Event) => {
    const on = (e.target as HTMLInputElement).checked;
    v.set({ withdraw: on ? [...form.withdraw, id] : form.withdraw.filter((x) => x !== id) });
  };
  return html`<form part="form" aria-label=${ws.withdrawLegend} novalidate @submit=${v.submit}>
    <fieldset class="group">
      <legend>${ws.withdrawLegend}</legend>
      ${w.scopes.map(
        (id) => html`<label class="choice"
          ><input type="checkbox" .checked=${form.withdraw.includes(id)} @change=${toggle(id)}
            aria-describedby=${v.errors.withdraw ? 'e-withdraw' : nothing} />
          ${scopeLabel(id, v.lang)}</label
        >`,
      )}
      <button type="button" @click=${() => v.set({ withdraw: [...w.scopes] })}>${ws.withdrawSelectAll}</button>
      ${error(v, 'withdraw')}
    </fieldset>
    ${field(v, 'email', s.emailLabel, { type: 'email', autocomplete: 'email', hint: ws.withdrawEmailHint })}
    ${field(v, 'name', s.nameLabel, { autocomplete: 'name', hint: s.typedNameHint })} ${sendBlock(v, ws.submitWithdraw)}
  </form>`;
}
