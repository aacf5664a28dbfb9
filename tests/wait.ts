// The one wait the browser tests use: poll a condition (an outcome that arrives by itself), never a fixed sleep.

/** Polls `check` until it returns a truthy value and resolves with it; throws naming `what` after `timeoutMs`. A wait, not an assertion: the assertion follows it. */
export async function until<T>(check: () => T | Promise<T>, what: string, timeoutMs = 8000): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value as NonNullable<T>;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
