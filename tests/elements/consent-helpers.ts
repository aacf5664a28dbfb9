// Helpers for the <koe-consent> tests: requests, filling the form, drawing (a clean world: ../world.ts).
import { emulateMedia, executeServerCommand } from '@web/test-runner-commands';
import { $, $$ } from '../shadow.js';
import { until } from '../wait.js';
import type { ConsentRecord, ConsentRequest } from '../../src/core/schemas.js';
import type { KoeConsent } from '../../src/consent/koe-consent.js';
import { validConsentRequestInput } from '../fixtures/submissions.js';

export type StoredConsent = { idempotencyKey: string; record: ConsentRecord; receivedAt: string };

/** A valid request (not issued by the receiver): enough for everything before sending. */
export function localRequest(over: Partial<ConsentRequest> = {}): ConsentRequest {
  return {
    ...validConsentRequestInput(),
    id: `local-${crypto.randomUUID()}`,
    issuedAt: '2026-11-21T10:00:00+09:00',
    expiresAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
    ...over,
  };
}

/** A request issued and HMAC-signed by the real receiver. */
export async function issuedRequest(over: Partial<ConsentRequest> = {}): Promise<ConsentRequest> {
  return (await executeServerCommand('koe-receiver-issue-request', { ...validConsentRequestInput(), ...over })) as ConsentRequest;
}

export async function storedConsents(): Promise<StoredConsent[]> {
  return ((await executeServerCommand('koe-receiver-records', { type: 'consent' })) as StoredConsent[] | undefined) ?? [];
}

/** The radio or checkbox whose label reads `label`, inside the fieldset whose legend reads `legend`. */
export function choice(el: KoeConsent, legend: string, label: string): HTMLInputElement {
  const set = $$<HTMLFieldSetElement>(el, 'fieldset').find((f) => f.querySelector('legend')?.textContent?.trim() === legend);
  if (!set) throw new Error(`No fieldset "${legend}"`);
  const found = Array.from(set.querySelectorAll<HTMLLabelElement>(':scope > label')).find((l) => l.textContent?.trim() === label);
  if (!found) throw new Error(`No choice "${label}" in "${legend}"`);
  return found.querySelector('input')!;
}

export async function pick(el: KoeConsent, legend: string, label: string): Promise<void> {
  choice(el, legend, label).click();
  await el.updateComplete;
}

/** Sets a text field by its label, as typing would (an input event). */
export async function fill(el: KoeConsent, label: string, value: string): Promise<void> {
  const own = (l: HTMLLabelElement) => Array.from(l.childNodes).filter((n) => n.nodeType === Node.TEXT_NODE).map((n) => n.textContent).join('').trim();
  const lab = $$<HTMLLabelElement>(el, 'label[for]').find((l) => own(l) === label);
  if (!lab) throw new Error(`No field "${label}"`);
  const input = $<HTMLInputElement>(el, `#${lab.htmlFor}`);
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  await el.updateComplete;
}

/** Presses the send button and waits until the element is no longer busy (hashing, then sending). */
export async function submit(el: KoeConsent): Promise<void> {
  $<HTMLButtonElement>(el, 'button[type="submit"]').click();
  await el.updateComplete;
  await until(() => !el.shadowRoot!.querySelector('button[type="submit"]:disabled'), 'the send to finish');
  await el.updateComplete;
}

/** Draws a stroke across the signature canvas with pointer events, as signature_pad expects them. */
export function drawStroke(canvas: HTMLCanvasElement): void {
  const box = canvas.getBoundingClientRect();
  const at = (i: number) => ({ clientX: box.left + 20 + i * 15, clientY: box.top + 20 + (i % 3) * 12 });
  const init = { bubbles: true, composed: true, cancelable: true, pointerId: 1, isPrimary: true, pointerType: 'mouse' };
  canvas.dispatchEvent(new PointerEvent('pointerdown', { ...init, ...at(0), buttons: 1, button: 0 }));
  for (let i = 1; i < 12; i += 1) canvas.dispatchEvent(new PointerEvent('pointermove', { ...init, ...at(i), buttons: 1 }));
  canvas.dispatchEvent(new PointerEvent('pointerup', { ...init, ...at(12), buttons: 0, button: 0 }));
}

/**
 * Print media, where the test runner can have the browser emulate it (Chromium, over CDP); false where it cannot: Firefox
 * here ("CDP support is required") and WebKit over WebDriver ("not supported for browser type webdriver").
 */
export async function printMedia(): Promise<boolean> {
  try {
    await emulateMedia({ media: 'print' });
    return true;
  } catch (error) {
    if (/CDP support is required|not supported for browser type/.test(String(error))) return false;
    throw error;
  }
}
