// The whole <koe-intake> view: configuration problem, warnings, the form or the confirmation, the status line and the outbox list.
import { html, nothing, type TemplateResult } from 'lit';
import type { OutboxItem } from '../core/outbox.js';
import type { IntakeStrings } from '../i18n/intake.js';
import type { ConfigCheck } from '../shared/config-check.js';
import type { OutboxController } from '../shared/outbox-controller.js';
import { outboxView, outboxWording } from './outbox-view-loader.js';
import { renderForm, type FormView } from './fields.js';

/** What the element hands to its view: the form's needs, plus what the rest of the view shows and its handlers. */
export interface IntakeView extends Omit<FormView, 'attention' | 'resend' | 'cancelEdit'> {
  config: ConfigCheck;
  outbox: OutboxController;
  phase: string;
  message: string;
  editing: OutboxItem | undefined;
  draftProblem: boolean;
  confirmingDiscard: string | undefined;
  onFileAnother: () => void;
  onRetry: (id: string) => void;
  onEdit: (item: OutboxItem) => void;
  onDiscard: (id: string) => void;
  onConfirmDiscard: (id: string | undefined) => void;
}

/**
 * After sending or queueing: what happened, and a button for the next voice. The message is shown here once; screen
 * readers hear it once, from the status line's live region (visually hidden meanwhile), so the title is hidden from them.
 */
function renderConfirmation(s: IntakeStrings, phase: string, message: string, onNext: () => void): TemplateResult {
  return html`<div part="confirmation" class="confirmation ${phase}" tabindex="-1">
    <p class="confirmation-title" aria-hidden="true">${message}</p>
    <button type="button" class="primary" @click=${onNext}>${s.fileAnother}</button>
  </div>`;
}

export function renderIntake(view: IntakeView): TemplateResult {
  const { t, config, outbox } = view;
  // The outbox view and its wording come after the first render; until then, no list, warnings or edit mode.
  const loadedView = outboxView.get();
  const wording = outboxWording[t.lang].get();
  const outboxParts = loadedView && wording ? { view: loadedView, wording } : undefined;
  const confirming = view.phase === 'sent' || view.phase === 'queued';
  return html`<div part="base" class="base" lang=${t.lang}>
    ${config.message
      ? html`<div part="config-error" class="config-error" role="alert">
          <p class="config-title">${config.title(t.lang)}</p>
          <p>${config.message}</p>
        </div>`
      : nothing}
    ${outboxParts ? outboxParts.view.renderWarnings(outboxParts.wording, outbox.persistent !== false, outbox.expiringCount, view.draftProblem) : nothing}
    ${confirming
      ? renderConfirmation(t.s, view.phase, view.message, view.onFileAnother)
      : renderForm({
          ...view,
          attention: outboxParts && view.editing ? outboxParts.view.renderAttention(outboxParts.wording, view.editing) : undefined,
          resend: wording?.resend,
          cancelEdit: wording?.cancelEdit,
        })}
    <p part="status" class="status ${confirming ? 'visually-hidden' : ''}" role="status">${view.message}</p>
    ${outboxParts
      ? outboxParts.view.renderOutbox(outboxParts.wording, {
          items: outbox.items,
          counts: outbox.counts,
          confirmingDiscard: view.confirmingDiscard,
          onRetry: view.onRetry,
          onEdit: view.onEdit,
          onDiscard: view.onDiscard,
          onConfirmDiscard: view.onConfirmDiscard,
        })
      : nothing}
  </div>`;
}
