// Helpers for the <koe-intake>/<koe-snippet> tests: filling the form, states, counted key presses (a clean world: ../world.ts).
import { executeServerCommand, sendKeys } from '@web/test-runner-commands';
import { until } from '../wait.js';
import { chord, type Modifier } from '../keys.js';
import { $ } from '../shadow.js';
import type { KoeIntake } from '../../src/intake/koe-intake.js';
import type { IntakeSubmission } from '../../src/core/schemas.js';

export type StoredLine = { idempotencyKey: string; record: IntakeSubmission; receivedAt: string };

export async function records(): Promise<StoredLine[]> {
  return (await executeServerCommand<StoredLine[], { type: string }>('koe-receiver-records', { type: 'intake' })) ?? [];
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
