// Helpers for the <koe-intake>/<koe-snippet> tests: a clean world per test, shadow queries, counted key presses.
import { executeServerCommand, sendKeys } from '@web/test-runner-commands';
import { Outbox } from '../../src/core/outbox.js';
import { chord, type Modifier } from '../keys.js';
import type { KoeIntake } from '../../src/intake/koe-intake.js';
import type { IntakeSubmission } from '../../src/core/schemas.js';

export type StoredLine = { idempotencyKey: string; record: IntakeSubmission; receivedAt: string };

/** Receiver, outbox, drafts' remembered choices: nothing leaks from one test into the next. */
export async function resetWorld(): Promise<void> {
  localStorage.clear();
  await executeServerCommand('koe-receiver-reset');
  const outbox = Outbox.shared();
  await outbox.ready;
  for (const item of await outbox.list()) await outbox.discard(item.id);
}

export async function records(): Promise<StoredLine[]> {
  return (await executeServerCommand<StoredLine[], { type: string }>('koe-receiver-records', { type: 'intake' })) ?? [];
}

export function $<T extends Element = HTMLElement>(el: Element, selector: string): T {
  const found = el.shadowRoot!.querySelector<T>(selector);
  if (!found) throw new Error(`No ${selector} in <${el.localName}>`);
  return found;
}

export function $$<T extends Element = HTMLElement>(el: Element, selector: string): T[] {
  return Array.from(el.shadowRoot!.querySelectorAll<T>(selector));
}

/** Polls until `check` is truthy (a wait, not an assertion: the assertion follows it). */
export async function until<T>(check: () => T | Promise<T>, what: string, timeoutMs = 8000): Promise<T> {
  const start = Date.now();
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() - start > timeoutMs) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

export async function untilState(el: KoeIntake, state: KoeIntake['state']): Promise<void> {
  await until(() => el.state === state, `state ${state} (now ${el.state})`);
  await el.updateComplete;
}

/** Types into the textarea as an input event would (for tests that are not about the keyboard). */
export async function fill(el: KoeIntake, text: string): Promise<void> {
  const textarea = $<HTMLTextAreaElement>(el, 'textarea');
  textarea.value = text;
  textarea.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  await el.updateComplete;
}

export async function pickTag(el: KoeIntake, id: string): Promise<void> {
  $<HTMLButtonElement>(el, `.chip[data-tag="${id}"]`).click();
  await el.updateComplete;
}

/** Real key presses through the browser driver, counted: a chord such as Ctrl+Enter counts as one. */
export class Keyboard {
  presses = 0;

  async press(key: string): Promise<void> {
    this.presses += 1;
    await sendKeys({ press: key });
  }

  async chord(modifier: Modifier | readonly Modifier[], key: string): Promise<void> {
    this.presses += 1;
    await chord(modifier, key);
  }

  /** Typing the text itself is not counted. */
  async type(text: string): Promise<void> {
    await sendKeys({ type: text });
  }
}

/** The element that has focus, looking through shadow roots. */
export function deepActive(): Element | null {
  let active: Element | null = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}
