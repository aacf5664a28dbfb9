// What the signer must fix, kept in step with the form: a message per field, the summary the status line reads out
// (counting exactly the fields marked), and a form-level problem for the alert. Each goes as soon as its field is fixed.
import { errorKeysOf, type ConsentFormState } from './consent-form-state.js';

/** The key of a problem that belongs to no field: the alert shows it. */
const FORM = 'form';

export class ConsentFormErrors {
  /** Field key → message (and `form` for a problem of the whole form). */
  errors: Record<string, string> = {};
  /** "N 件の項目を確認してください" while fields are marked after a send, else empty. */
  summary = '';

  readonly #host: { requestUpdate(): void };
  #fixFields: (n: number) => string = () => '';

  constructor(host: { requestUpdate(): void }) {
    this.#host = host;
  }

  /** How many fields carry a message. */
  get marked(): number {
    return Object.keys(this.errors).filter((key) => key !== FORM).length;
  }

  /** The problem of the whole form, if any (the alert shows it). */
  get formProblem(): string {
    return this.errors[FORM] ?? '';
  }

  /** After a send that found problems: mark them, and sum them up in the status line. */
  show(errors: Record<string, string>, fixFields: (n: number) => string): void {
    this.errors = errors;
    this.#fixFields = fixFields;
    this.summary = this.marked ? fixFields(this.marked) : '';
    this.#host.requestUpdate();
  }

  /** The signer changed these fields: their messages go, the summary follows, and the form-level one goes with the last. */
  changed(patch: Partial<ConsentFormState>): void {
    const keys = errorKeysOf(patch).filter((key) => key in this.errors);
    if (!keys.length) return;
    const errors = { ...this.errors };
    for (const key of keys) delete errors[key];
    this.errors = errors;
    if (!this.marked) delete this.errors[FORM];
    this.summary = this.summary && this.marked ? this.#fixFields(this.marked) : '';
    this.#host.requestUpdate();
  }

  clear(): void {
    this.errors = {};
    this.summary = '';
    this.#host.requestUpdate();
  }
}
