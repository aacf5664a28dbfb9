// The withdrawal form, fetched only in withdraw mode: which granted scopes to withdraw, and who is withdrawing.
import { html, nothing, type TemplateResult } from 'lit';
import type { WithdrawStrings } from '../i18n/withdraw.js';
import { error, field, sendBlock, type FormView } from './consent-form.js';
import type { WithdrawLink } from './link-rules.js';
import { scopeLabel } from './scopes.js';

/** The withdrawal form: which granted scopes to withdraw, and who is withdrawing. */
export function renderWithdrawForm(view: FormView, withdrawal: WithdrawLink, wording: WithdrawStrings): TemplateResult {
  const { s, form } = view;
  const toggle = (id: string) => (e: Event) => {
    const selected = (e.target as HTMLInputElement).checked;
    view.onChange({ withdraw: selected ? [...form.withdraw, id] : form.withdraw.filter((x) => x !== id) });
  };
  const selectAll = () => view.onChange({ withdraw: [...withdrawal.scopes] });
  return html`<form part="form" aria-label=${wording.withdrawLegend} novalidate @submit=${view.onSubmit}>
    <fieldset class="group">
      <legend>${wording.withdrawLegend}</legend>
      ${withdrawal.scopes.map(
        (id) => html`<label class="choice"
          ><input type="checkbox" .checked=${form.withdraw.includes(id)} @change=${toggle(id)}
            aria-describedby=${view.errors.withdraw ? 'e-withdraw' : nothing} />
          ${scopeLabel(id, view.lang)}</label
        >`,
      )}
      <button type="button" @click=${selectAll}>${wording.withdrawSelectAll}</button>
      ${error(view, 'withdraw')}
    </fieldset>
    ${field(view, 'email', s.emailLabel, { type: 'email', autocomplete: 'email', hint: wording.withdrawEmailHint })}
    ${field(view, 'name', s.nameLabel, { autocomplete: 'name', hint: s.typedNameHint })} ${sendBlock(view, wording.submitWithdraw)}
  </form>`;
}
