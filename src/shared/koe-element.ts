// The base class of every Koe element: LitElement whose first render runs in a task of its own and draws what the user
// needs first; the rest of the view follows in the next task, and the element says when its first render is on screen:
// what the form does not need to appear (the outbox, drafts, the outbox view) waits for it.
import { LitElement, type PropertyDeclarations, type PropertyValues } from 'lit';
import { afterNextPaint, yieldToMain } from '../core/scheduling.js';
import { inShortScriptTask } from './evaluation-task.js';
import { settled } from './locale-controller.js';

/**
 * The base of every Koe element. The design tokens (shared/styles.ts) style each element: set them on the element or
 * on any ancestor.
 *
 * @cssprop --koe-font-family - Font stack.
 * @cssprop --koe-font-size - Base font size.
 * @cssprop --koe-radius - Corner radius.
 * @cssprop --koe-spacing - Base spacing.
 * @cssprop --koe-color-text - Text colour.
 * @cssprop --koe-color-muted - Secondary text colour.
 * @cssprop --koe-color-surface - Background colour.
 * @cssprop --koe-color-border - Border colour.
 * @cssprop --koe-color-accent - Buttons, links and selected choices.
 * @cssprop --koe-color-on-accent - Text on the accent colour.
 * @cssprop --koe-color-danger - Errors.
 * @cssprop --koe-color-success - Confirmations (sent, signed).
 * @cssprop --koe-color-warning - Warnings (queued, offline safety off).
 * @cssprop --koe-focus-ring - Focus outline colour.
 */
export class KoeElement extends LitElement {
  static override properties: PropertyDeclarations = { fullyDrawn: { state: true }, painted: { state: true } };

  /**
   * @internal The whole view is drawn. The first render draws what the user needs first (an element's view reads this
   * to leave the rest out); the rest comes in the update that follows, in a task of its own, so neither task is long.
   */
  fullyDrawn = false;
  /** @internal The first render is on screen (the paint after it has happened); an update follows when this turns true. */
  painted = false;
  /** Until `fullyDrawn`: the task after the first render. */
  #drawingRest?: Promise<void>;
  /** Until `painted`: the paint after the first render. */
  #painting?: Promise<void>;

  /** Also waits, the first time, for the rest of the view and for the paint after the first render, and their updates. */
  protected override getUpdateComplete(): Promise<boolean> {
    return settled(
      () => super.getUpdateComplete(),
      () => (this.fullyDrawn ? undefined : this.#drawingRest) ?? (this.painted ? undefined : this.#painting),
    );
  }

  /**
   * The first render waits for a new task: the script that defined the element (and the host page's own start-up, such
   * as the layout the parser asks for when it finishes) ends first, so no single task carries both. Except while the
   * script's own task has been short (a fast device, or a script the browser has compiled before): then the form comes
   * in that task, rather than after a paint of the page without it. Later renders are scheduled as Lit schedules them.
   */
  protected override async scheduleUpdate(): Promise<void> {
    if (!this.hasUpdated && !inShortScriptTask()) await yieldToMain();
    super.scheduleUpdate();
  }

  protected override update(changed: PropertyValues): void {
    super.update(changed);
    this.#drawingRest ??= yieldToMain().then(this.#handleRestDue);
    // Asked for once the first render is drawn, so the paint it waits for is the one that shows it.
    this.#painting ??= afterNextPaint().then(this.#handlePainted);
  }

  readonly #handleRestDue = (): void => {
    this.fullyDrawn = true;
  };

  readonly #handlePainted = (): void => {
    this.painted = true;
  };
}
