// Styles of <koe-snippet>: the floating button and the dialog around <koe-intake>.
import { css } from 'lit';
import { tokens } from '../shared/styles.js';

export const styles = [
  tokens,
  css`
    :host {
      display: block;
    }
    :host([hidden]) {
      display: none;
    }
    [hidden] {
      display: none !important;
    }
    .save {
      position: fixed;
      z-index: 2147483000;
      font: 600 0.875rem/1.4 var(--_koe-font);
      padding: 0.4rem 0.8rem;
      border: 1px solid var(--_koe-accent);
      border-radius: var(--_koe-radius);
      background: var(--_koe-accent);
      color: var(--_koe-on-accent);
      box-shadow: 0 2px 8px rgb(0 0 0 / 0.25);
      cursor: pointer;
    }
    .save:focus-visible,
    .close:focus-visible {
      outline: 3px solid var(--_koe-focus);
      outline-offset: 2px;
    }
    dialog {
      width: var(--koe-snippet-dialog-width, min(40rem, calc(100vw - 2rem)));
      max-height: calc(100vh - 2rem);
      padding: var(--_koe-space);
      border: 1px solid var(--_koe-border);
      border-radius: var(--_koe-radius);
      background: var(--_koe-surface);
      color: var(--_koe-text);
      font-family: var(--_koe-font);
    }
    dialog::backdrop {
      background: rgb(0 0 0 / 0.45);
    }
    .dialog-head {
      display: flex;
      justify-content: space-between;
      align-items: start;
      gap: 1rem;
      margin-bottom: var(--_koe-space);
    }
    h2 {
      font-size: 1.05rem;
      margin: 0;
    }
    .close {
      font: inherit;
      padding: 0.3rem 0.75rem;
      border: 1px solid var(--_koe-accent);
      border-radius: var(--_koe-radius);
      background: transparent;
      color: var(--_koe-accent);
      cursor: pointer;
    }
    .error {
      color: var(--_koe-danger);
    }
  `,
];
