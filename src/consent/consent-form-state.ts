// What the signer has entered in <koe-consent>: ships with the element (the form templates come later, in consent-form.ts).
import type { ConsentRequest } from '../core/schemas.js';

/** Whether signature_pad is being fetched, ready, or could not be fetched (drawing was chosen). */
export type DrawState = 'idle' | 'loading' | 'ready' | 'failed';

/** What the signer has entered; nothing is chosen until they choose it. */
export interface ConsentFormState {
  decision?: 'grant' | 'decline';
  /** Scope ID → allowed; a missing key means not answered yet. */
  choices: Record<string, boolean>;
  constraints: string;
  declineReason: string;
  name: string;
  title: string;
  email: string;
  typedName: string;
  method: 'typed' | 'drawn';
  /** Withdraw mode: the scopes selected for withdrawal. */
  withdraw: string[];
}

/** A blank form: nothing chosen (no scope is ever pre-ticked); the signer's name, title and email from the request when it knows them. */
export function emptyForm(request?: ConsentRequest): ConsentFormState {
  const customer = request?.customer;
  return {
    choices: {},
    constraints: '',
    declineReason: '',
    name: customer?.signerName ?? '',
    title: customer?.signerTitle ?? '',
    email: customer?.signerEmail ?? '',
    typedName: '',
    method: 'typed',
    withdraw: [],
  };
}

/** The form fields a change clears the error of: a scope choice also clears "allow at least one". */
export function errorKeysOf(patch: Partial<ConsentFormState>): string[] {
  const keys: string[] = [];
  for (const key of Object.keys(patch)) {
    if (key !== 'choices') keys.push(key);
  }
  if (patch.choices) {
    keys.push('scopes');
    for (const id of Object.keys(patch.choices)) keys.push(`scope-${id}`);
  }
  return keys;
}
