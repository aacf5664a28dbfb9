// When start-up work runs: the first render comes first; whatever the form does not need to appear (opening IndexedDB,
// reading drafts, fetching the outbox view) waits for the first paint, and long work gives the main thread back between
// its steps, so no task of ours keeps the host page from answering its user.

/** `scheduler.yield()`, where the browser has it (Chromium does); TypeScript's DOM types do not have it yet. */
interface YieldingScheduler {
  yield(): Promise<void>;
}

/** Resolves in a new task: `scheduler.yield()` where the browser has it (the rest of our work keeps its place in line), else a timer. */
export function yieldToMain(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: Partial<YieldingScheduler> }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve));
}

/** A page that shows but paints no frame (an iframe out of view, where browsers hold animation frames back) waits no longer. */
export const NO_FRAME_WAIT_MS = 1000;

/**
 * Resolves in a task after the page's next paint: called during a first render, once that render is on screen. A hidden
 * tab paints nothing, so there it resolves at once (in a new task); a frame that does not come is waited for
 * NO_FRAME_WAIT_MS at most.
 */
export function afterNextPaint(): Promise<void> {
  return new Promise<void>((resolve) => {
    // A task queued from the frame's callback runs once the frame is painted.
    const afterFrame = () => setTimeout(resolve);
    if (document.visibilityState === 'hidden') return afterFrame();
    requestAnimationFrame(afterFrame);
    setTimeout(resolve, NO_FRAME_WAIT_MS);
  });
}
