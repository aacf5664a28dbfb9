// When start-up work runs: the first render comes first; whatever the form does not need to appear (opening IndexedDB,
// reading drafts, fetching the outbox view) waits for the first paint, and long work gives the main thread back between
// its steps, so no task of ours keeps the host page from answering its user.

/** `scheduler.yield()` (Chromium 129+, Firefox 142+); TypeScript's DOM types do not have it yet. */
interface YieldingScheduler {
  yield(): Promise<void>;
}

/** Resolves in a new task: `scheduler.yield()` where the browser has it (the rest of our work keeps its place in line), else a timer. */
export function yieldToMain(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: Partial<YieldingScheduler> }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve));
}

/** A hidden tab paints nothing and runs no animation frames: past this, the work goes ahead anyway. */
const HIDDEN_TAB_WAIT_MS = 100;

/**
 * Resolves in a task after the page's next paint: called from a first render, once that render is on screen. In a hidden
 * tab, where no frame comes, after HIDDEN_TAB_WAIT_MS.
 */
export function afterNextPaint(): Promise<void> {
  return new Promise<void>((resolve) => {
    // A task queued from the frame's callback runs once the frame is painted.
    const afterFrame = () => {
      clearTimeout(hiddenTab);
      setTimeout(resolve);
    };
    const hiddenTab = setTimeout(afterFrame, HIDDEN_TAB_WAIT_MS);
    requestAnimationFrame(afterFrame);
  });
}
