// Styles of <koe-consent>: readable notice, explicit choices, a print-friendly receipt.
import { css } from 'lit';

export const consentStyles = css`
  .base {
    line-height: 1.7;
    max-width: var(--koe-consent-max-width, 46rem);
    display: grid;
    gap: calc(var(--_koe-space) * 1.5);
  }
  h2 {
    font-size: 1.35em;
    margin: 0 0 0.5rem;
  }
  h3 {
    font-size: 1.05em;
    margin: 1rem 0 0.25rem;
  }
  p {
    margin: 0.25rem 0;
  }
  .notice {
    border: 1px solid var(--_koe-border);
    border-radius: var(--_koe-radius);
    padding: calc(var(--_koe-space) * 1.5);
  }
  /* Off-screen parts of the notice and the form are laid out only when they come near the viewport; on screens only, so a printout has all of it. */
  @media screen {
    .notice > section,
    form > fieldset {
      content-visibility: auto;
      contain-intrinsic-size: auto 12rem;
    }
  }
  .notice ul,
  .receipt ul {
    margin: 0.25rem 0;
    padding-inline-start: 1.5rem;
  }
  a {
    color: var(--_koe-accent);
    overflow-wrap: anywhere;
  }
  form {
    display: grid;
    gap: var(--_koe-space);
  }
  fieldset {
    border: 1px solid var(--_koe-border);
    border-radius: var(--_koe-radius);
    padding: var(--_koe-space);
    margin: 0;
    min-width: 0;
  }
  legend {
    font-weight: 600;
    padding: 0 0.25rem;
  }
  fieldset.scope {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 1.25rem;
    align-items: center;
    border-style: dashed;
    margin-top: 0.5rem;
  }
  fieldset.scope .error {
    flex-basis: 100%;
  }
  .choice {
    display: flex;
    gap: 0.5rem;
    align-items: center;
    min-height: 2.25rem;
  }
  .choice input {
    width: 1.15rem;
    height: 1.15rem;
    margin: 0;
    flex: none;
  }
  .field {
    display: grid;
    gap: 0.2rem;
    margin-top: 0.5rem;
  }
  label {
    font-weight: 500;
  }
  .optional,
  .company {
    color: var(--_koe-muted);
    font-weight: 400;
  }
  canvas {
    display: block;
    width: 100%;
    max-width: 36rem;
    aspect-ratio: 3 / 1;
    border: 1px dashed var(--_koe-border);
    border-radius: var(--_koe-radius);
    background: #fff;
    margin: 0.5rem 0;
  }
  .intent {
    font-weight: 600;
    border-inline-start: 4px solid var(--_koe-accent);
    padding-inline-start: 0.75rem;
    margin-bottom: 0.75rem;
  }
  .send button {
    min-height: 2.75rem;
  }
  .alert:empty {
    display: none;
  }
  .alert {
    border: 2px solid var(--_koe-danger);
    color: var(--_koe-danger);
    border-radius: var(--_koe-radius);
    padding: var(--_koe-space);
  }
  .problem {
    border: 2px solid var(--_koe-warning);
    border-radius: var(--_koe-radius);
    padding: calc(var(--_koe-space) * 1.5);
  }
  .receipt dl,
  .print-receipt dl {
    display: grid;
    grid-template-columns: max-content 1fr;
    gap: 0.25rem 1rem;
    margin: 0.5rem 0;
  }
  .receipt dd,
  .print-receipt dd {
    margin: 0;
    overflow-wrap: anywhere;
  }
  /* The printed receipt (receipt-print.ts) replaces the screen receipt on paper only. */
  .print-receipt {
    display: none;
  }
  .pre {
    white-space: pre-wrap;
  }
  .actions {
    display: flex;
    gap: 0.75rem;
    flex-wrap: wrap;
    margin-top: 1rem;
  }
  @media print {
    .base {
      max-width: none;
      color: #000;
      background: #fff;
      font-size: 10.5pt;
      line-height: 1.6;
    }
    form,
    .actions,
    .status,
    .alert {
      display: none;
    }
    /* Its own rule: a browser without :has() drops only this one (and prints the screen receipt, buttons hidden). */
    .receipt:has(~ .print-receipt) {
      display: none;
    }
    .print-receipt {
      display: block;
    }
    .print-receipt h2 {
      font-size: 15pt;
      border-bottom: 1.5pt solid #000;
      padding-bottom: 2pt;
    }
    .print-receipt h3 {
      font-size: 11.5pt;
      margin-top: 10pt;
      break-after: avoid;
    }
    .print-receipt h4,
    .print-receipt h5 {
      font-size: 10.5pt;
      margin: 6pt 0 2pt;
      break-after: avoid;
    }
    .print-receipt dl,
    .print-receipt li,
    .print-signature {
      break-inside: avoid;
    }
    .print-notice {
      break-before: page;
    }
    .print-signature {
      display: block;
      max-width: 60mm;
      height: auto;
      border: 0.5pt solid #000;
    }
    code,
    .hash {
      font-size: 8.5pt;
      word-break: break-all;
    }
    a {
      color: #000;
    }
  }
`;
