// The drawn signature of <koe-consent>: signature_pad is fetched only when the signer chooses to draw (its own lazy chunk),
// then attached to the form's canvas. A reactive controller, so the element only says whether drawing is wanted.
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type SignaturePad from 'signature_pad';
import type { DrawState } from './consent-form-state.js';

export class SignaturePadController implements ReactiveController {
  /** idle (not drawing), loading signature_pad, ready to draw, or failed to load. */
  state: DrawState = 'idle';

  readonly #host: ReactiveControllerHost & { renderRoot: ParentNode };
  readonly #wanted: () => boolean;
  #pad?: SignaturePad;
  #settingUp = false;

  /** `wanted`: whether the form shows the canvas now (drawing chosen, no receipt yet). */
  constructor(host: ReactiveControllerHost & { renderRoot: ParentNode }, wanted: () => boolean) {
    this.#host = host;
    this.#wanted = wanted;
    host.addController(this);
  }

  /** After each render: attach signature_pad to the canvas once drawing is chosen. */
  hostUpdated(): void {
    if (this.#wanted() && this.state === 'idle') void this.#setUp();
  }

  /** Nothing drawn (or nothing to draw on). */
  isEmpty(): boolean {
    return !this.#pad || this.#pad.isEmpty();
  }

  /** The drawing as a PNG data URL; undefined when nothing is drawn. */
  image(): string | undefined {
    return this.#pad && !this.#pad.isEmpty() ? this.#pad.toDataURL('image/png') : undefined;
  }

  clear(): void {
    this.#pad?.clear();
  }

  /** Detaches the pad (typed signature chosen again, or a new form): drawing starts afresh next time. */
  reset(): void {
    this.#pad?.off();
    this.#pad = undefined;
    this.#setState('idle');
  }

  #setState(state: DrawState): void {
    this.state = state;
    this.#host.requestUpdate();
  }

  async #setUp(): Promise<void> {
    const canvas = this.#host.renderRoot.querySelector('canvas');
    if (!canvas || this.#settingUp) return;
    this.#settingUp = true;
    // State changes after the update has finished, so Lit does not schedule an update from inside one.
    await Promise.resolve();
    this.#setState('loading');
    try {
      const { default: Pad } = await import('signature_pad');
      const pad = new Pad(canvas, { penColor: '#111', backgroundColor: 'rgb(255,255,255)' });
      if (!this.#wanted() || !canvas.isConnected) return void pad.off();
      // Match the bitmap to the displayed size, or strokes land away from the pointer.
      const ratio = Math.max(window.devicePixelRatio || 1, 1);
      canvas.width = canvas.offsetWidth * ratio;
      canvas.height = canvas.offsetHeight * ratio;
      canvas.getContext('2d')?.scale(ratio, ratio);
      pad.clear();
      this.#pad = pad;
      this.#setState('ready');
    } catch {
      this.#setState('failed');
    } finally {
      this.#settingUp = false;
    }
  }
}
