// Shared design tokens and base rules; every colour reads a public --koe-* property with a fallback.
import { css } from 'lit';

/**
 * Public tokens (set them on the element or any ancestor):
 * --koe-font-family, --koe-font-size, --koe-radius, --koe-spacing,
 * --koe-color-text, --koe-color-muted, --koe-color-surface, --koe-color-border,
 * --koe-color-accent, --koe-color-on-accent, --koe-color-danger, --koe-color-success,
 * --koe-color-warning, --koe-focus-ring.
 */
export const tokens = css`
  :host {
    color-scheme: light dark;
    --_koe-font: var(--koe-font-family, system-ui, -apple-system, 'Hiragino Sans', 'Noto Sans JP', 'Yu Gothic UI', sans-serif);
    --_koe-size: var(--koe-font-size, 0.9375rem);
    --_koe-radius: var(--koe-radius, 6px);
    --_koe-space: var(--koe-spacing, 0.75rem);
    /* light-dark(): the page's colour scheme picks the pair (Chrome 123, Firefox 120, Safari 17.5). */
    --_koe-text: var(--koe-color-text, light-dark(#1d232b, #e8edf2));
    --_koe-muted: var(--koe-color-muted, light-dark(#515b66, #b4bec9));
    --_koe-surface: var(--koe-color-surface, light-dark(#fff, #1b2027));
    --_koe-border: var(--koe-color-border, light-dark(#8a94a0, #7d8894));
    --_koe-accent: var(--koe-color-accent, light-dark(#0b5cad, #8ec5ff));
    --_koe-on-accent: var(--koe-color-on-accent, light-dark(#fff, #0b1a2b));
    --_koe-danger: var(--koe-color-danger, light-dark(#b3261e, #ffb4ab));
    --_koe-success: var(--koe-color-success, light-dark(#1e6b34, #8fd9a2));
    --_koe-warning: var(--koe-color-warning, light-dark(#7a4d00, #ffd08a));
    --_koe-focus: var(--koe-focus-ring, var(--_koe-accent));
  }
`;

/** Base rules for buttons, inputs and messages, shared by the elements. */
export const base = css`
  :host {
    display: block;
  }
  :host([hidden]) {
    display: none;
  }
  .base {
    font-family: var(--_koe-font);
    font-size: var(--_koe-size);
    color: var(--_koe-text);
    background: var(--_koe-surface);
  }
  .status:empty {
    display: none;
  }
  * {
    box-sizing: border-box;
  }
  button,
  input,
  select,
  textarea {
    font: inherit;
  }
  input,
  select,
  textarea {
    width: 100%;
    padding: 0.45rem 0.55rem;
    border: 1px solid var(--_koe-border);
    border-radius: var(--_koe-radius);
    background: var(--_koe-surface);
    color: var(--_koe-text);
  }
  :is(input, select, textarea)[aria-invalid='true'] {
    border-color: var(--_koe-danger);
    border-width: 2px;
  }
  button {
    cursor: pointer;
    padding: 0.45rem 0.9rem;
    border: 1px solid var(--_koe-accent);
    border-radius: var(--_koe-radius);
    background: transparent;
    color: var(--_koe-accent);
  }
  button.primary {
    background: var(--_koe-accent);
    color: var(--_koe-on-accent);
    font-weight: 600;
  }
  button:disabled {
    cursor: not-allowed;
    opacity: 0.6;
  }
  :is(button, input, select, textarea):focus-visible {
    outline: 3px solid var(--_koe-focus);
    outline-offset: 2px;
  }
  .error,
  .hint {
    color: var(--_koe-danger);
    margin: 0.25rem 0 0;
  }
  .hint {
    color: var(--_koe-muted);
    font-size: 0.875em;
  }
  @media (forced-colors: active) {
    button.primary {
      border: 2px solid ButtonText;
    }
  }
`;
