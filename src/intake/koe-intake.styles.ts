// Styles of <koe-intake>: tokens from shared/styles, state variants on :host([state]).
import { css } from 'lit';
import { base, tokens } from '../shared/styles.js';

export const styles = [
  tokens,
  base,
  css`
    .base {
      font-family: var(--_koe-font);
      font-size: var(--_koe-size);
      line-height: 1.6;
      color: var(--_koe-text);
      background: var(--_koe-surface);
      border: 1px solid var(--_koe-border);
      border-radius: var(--_koe-radius);
      padding: var(--_koe-space);
    }
    form {
      display: grid;
      gap: var(--_koe-space);
    }
    .field {
      margin: 0;
      min-width: 0;
    }
    fieldset {
      border: 0;
      padding: 0;
    }
    label,
    legend {
      display: block;
      font-weight: 600;
      margin-bottom: 0.25rem;
      padding: 0;
    }
    .optional {
      font-weight: 400;
      color: var(--_koe-muted);
    }
    textarea {
      resize: vertical;
      min-height: 6rem;
    }
    .below {
      display: flex;
      justify-content: space-between;
      gap: 0.5rem;
    }
    .below p {
      margin: 0.25rem 0 0;
    }
    .counter {
      color: var(--_koe-muted);
      font-variant-numeric: tabular-nums;
      white-space: nowrap;
      font-size: 0.875em;
    }
    .counter.over {
      color: var(--_koe-danger);
      font-weight: 600;
    }
    .context {
      margin: 0 0 var(--_koe-space);
      color: var(--_koe-muted);
      font-size: 0.875em;
      overflow-wrap: anywhere;
    }
    .chips {
      display: flex;
      flex-wrap: wrap;
      gap: 0.375rem;
    }
    .chip {
      border-radius: 999px;
      padding: 0.25rem 0.75rem;
      border-color: var(--_koe-border);
      color: var(--_koe-text);
    }
    .chip[aria-pressed='true'] {
      background: var(--_koe-accent);
      border-color: var(--_koe-accent);
      color: var(--_koe-on-accent);
    }
    .chip[aria-pressed='true']::before {
      content: '✓ ';
    }
    .chip[aria-invalid='true'] {
      border-color: var(--_koe-danger);
    }
    .chip-key {
      font-size: 0.75em;
      opacity: 0.8;
      margin-inline-end: 0.3em;
    }
    .kinds {
      display: flex;
      flex-wrap: wrap;
      gap: 0.25rem 1rem;
    }
    .kinds legend {
      width: 100%;
    }
    .radio {
      display: inline-flex;
      align-items: center;
      gap: 0.3rem;
      font-weight: 400;
    }
    .radio input {
      width: auto;
    }
    .row {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(12rem, 1fr));
      gap: var(--_koe-space);
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.5rem;
    }
    .actions .hint {
      flex-basis: 100%;
    }
    .status:empty {
      display: none;
    }
    .status {
      margin: var(--_koe-space) 0 0;
    }
    :host([state='invalid']) .status,
    :host([state='needs-attention']) .status {
      color: var(--_koe-danger);
      font-weight: 600;
    }
    .config-error,
    .attention {
      border: 2px solid var(--_koe-danger);
      border-radius: var(--_koe-radius);
      padding: 0.5rem 0.75rem;
      margin-bottom: var(--_koe-space);
    }
    .config-error p,
    .attention p {
      margin: 0.25rem 0;
    }
    .config-title {
      font-weight: 700;
      color: var(--_koe-danger);
    }
    .warning {
      border-inline-start: 4px solid var(--_koe-warning);
      padding: 0.25rem 0.75rem;
      margin: 0 0 var(--_koe-space);
    }
    .confirmation {
      border-inline-start: 4px solid var(--_koe-success);
      padding: 0.5rem 0.75rem;
    }
    .confirmation.queued {
      border-inline-start-color: var(--_koe-warning);
    }
    .confirmation:focus {
      outline: 3px solid var(--_koe-focus);
      outline-offset: 2px;
    }
    .confirmation-title {
      font-weight: 600;
      margin: 0 0 0.5rem;
    }
    .outbox {
      margin-top: var(--_koe-space);
      border-top: 1px solid var(--_koe-border);
      padding-top: 0.5rem;
      font-size: 0.875em;
    }
    .outbox ul {
      list-style: none;
      margin: 0;
      padding: 0;
      display: grid;
      gap: 0.5rem;
    }
    .outbox-summary {
      margin: 0 0 0.5rem;
      font-weight: 600;
    }
    .outbox-item {
      display: grid;
      gap: 0.25rem;
    }
    .outbox-item button {
      padding: 0.15rem 0.6rem;
    }
    .outbox-item .actions,
    .outbox-item .confirm {
      display: flex;
      flex-wrap: wrap;
      gap: 0.375rem;
      align-items: center;
    }
    button.danger {
      border-color: var(--_koe-danger);
      color: var(--_koe-danger);
    }
  `,
];
