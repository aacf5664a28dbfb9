// Lit glue: tells an element when its first render is on screen, so that what the form does not need to appear (the outbox
// view, the drafts, IndexedDB) starts then and not before (core/scheduling.ts).
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { afterNextPaint } from '../core/scheduling.js';

export class FirstPaintController implements ReactiveController {
  /** The first render has been painted; the host updates once when this turns true. */
  painted = false;
  /** Until then: settles after the paint (for the host's updateComplete). */
  pending?: Promise<void>;
  readonly #host: ReactiveControllerHost;
  readonly #onPainted?: () => void;

  /** `onPainted` runs once, right before that update. */
  constructor(host: ReactiveControllerHost, onPainted?: () => void) {
    this.#host = host;
    this.#onPainted = onPainted;
    host.addController(this);
  }

  hostConnected(): void {
    if (this.painted) return;
    this.pending ??= afterNextPaint().then(() => {
      this.painted = true;
      this.pending = undefined;
      this.#onPainted?.();
      this.#host.requestUpdate();
    });
  }
}
