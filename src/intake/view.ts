// The whole <koe-intake> view: configuration problem, warnings, the form or the confirmation, the status line and the outbox list.
import { html, nothing, type TemplateResult } from 'lit';
import type { OutboxItem } from '../core/outbox.js';
import type { ConfigCheck } from '../shared/config-check.js';
import type { OutboxController } from '../shared/outbox-controller.js';
import { outboxText, outboxView } from './chunks.js';
import { renderForm, type FormOptions } from './fields.js';
import { renderConfirmation } from './parts.js';

export interface IntakeView extends Omit<FormOptions, 'attention' | 'resend' | 'cancelEdit'> {
  config: ConfigCheck;
  outbox: OutboxController;
  phase: string;
  message: string;
  editing: OutboxItem | undefined;
  draftProblem: boolean;
  confirmingDiscard: string | undefined;
  onFileAnother: () => void;
  onEdit: (item: OutboxItem) => void;
  onDiscard: (id: string) => void;
  onConfirmDiscard: (id: string | undefined) => void;
}

export function renderIntake(v: IntakeView): TemplateResult {
  const { t, config, outbox } = v;
  // The outbox view and its wording come after the first render; until then, no list, warnings or edit mode.
  const view = outboxView.get();
  const text = outboxText[t.lang].get();
  const rare = view && text ? { view, text } : undefined;
  return html`<div part="base" class="base" lang=${t.lang}>
    ${config.message
      ? html`<div part="config-error" class="config-error" role="alert">
          <p class="config-title">${config.title(t.lang)}</p>
          <p>${config.message}</p>
        </div>`
      : nothing}
    ${rare ? rare.view.renderWarnings(rare.text, outbox.persistent !== false, outbox.expiringCount, v.draftProblem) : nothing}
    ${v.phase === 'sent' || v.phase === 'queued'
      ? renderConfirmation(t.s, v.phase, v.message, v.onFileAnother)
      : renderForm({
          ...v,
          attention: rare && v.editing ? rare.view.renderAttention(rare.text, v.editing) : undefined,
          resend: text?.resend,
          cancelEdit: text?.cancelEdit,
        })}
    <p part="status" class="status" role="status">${v.message}</p>
    ${rare
      ? rare.view.renderOutbox(rare.text, {
          items: outbox.items,
          counts: outbox.counts,
          confirmingDiscard: v.confirmingDiscard,
          onRetry: (id) => void outbox.retry(id),
          onEdit: v.onEdit,
          onDiscard: v.onDiscard,
          onConfirmDiscard: v.onConfirmDiscard,
        })
      : nothing}
  </div>`;
}
