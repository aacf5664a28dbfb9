// Styles of <koe-intake>: tokens from shared/styles, state variants on :host([state]); the outbox view brings its own.
import { css } from 'lit';
import { base, tokens } from '../shared/styles.js';

export const styles = [
  tokens,
  base,
  css`
    .base {
      line-height: 1.6;
      border: 1px solid var(--_koe-border);
      border-radius: var(--_koe-radius);
      padding: var(--_koe-space);
    }
    /* A plain stack with flex rows: as a grid (its one auto column sized from every field's content first), the form's
       first layout took about three times as long. */
    form > * + * {
      margin-top: var(--_koe-space);
    }
    .row {
      display: flex;
      flex-wrap: wrap;
      gap: var(--_koe-space);
    }
    .row > * {
      flex: 1 1 12rem;
    }
    fieldset {
      border: 0;
      padding: 0;
    }
    .field {
      margin: 0;
      min-width: 0;
    }
    label,
    legend {
      display: block;
      font-weight: 600;
      margin-bottom: 0.25rem;
      padding: 0;
    }
    .visually-hidden {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip: rect(0 0 0 0);
      white-space: nowrap;
    }
    textarea {
      resize: vertical;
      min-height: 6rem;
    }
    .below,
    .chips,
    .kinds,
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
    }
    .below {
      justify-content: space-between;
      flex-wrap: nowrap;
    }
    .context,
    .counter {
      color: var(--_koe-muted);
      font-size: 0.875em;
    }
    .optional {
      color: var(--_koe-muted);
      font-weight: 400;
    }
    .counter {
      font-variant-numeric: tabular-nums;
      white-space: nowrap;
    }
    .over {
      color: var(--_koe-danger);
      font-weight: 600;
    }
    .context {
      /* Twice the spacing below it, as before the form was a stack (its margin and the next field's now collapse). */
      margin: 0 0 calc(2 * var(--_koe-space));
      overflow-wrap: anywhere;
    }
    .chip {
      border-radius: 999px;
      padding: 0.25rem 0.75rem;
      border-color: var(--_koe-border);
      color: var(--_koe-text);
    }
    [aria-pressed='true'] {
      background: var(--_koe-accent);
      border-color: var(--_koe-accent);
      color: var(--_koe-on-accent);
    }
    [aria-pressed='true']::before {
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
    .chips {
      gap: 0.375rem;
    }
    .kinds {
      gap: 0.25rem 1rem;
    }
    .kinds legend,
    .actions .hint {
      flex-basis: 100%;
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
    .actions {
      align-items: center;
    }
    .status {
      margin: var(--_koe-space) 0 0;
    }
    :host([state='invalid']) .status,
    :host([state='needs-attention']) .status {
      color: var(--_koe-danger);
      font-weight: 600;
    }
    .config-error {
      border: 2px solid var(--_koe-danger);
      border-radius: var(--_koe-radius);
      padding: 0.5rem 0.75rem;
      margin-bottom: var(--_koe-space);
    }
    .config-title {
      font-weight: 700;
      color: var(--_koe-danger);
    }
    .confirmation {
      border-inline-start: 4px solid var(--_koe-success);
      padding: 0.5rem 0.75rem;
    }
    .queued {
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
  `,
];
