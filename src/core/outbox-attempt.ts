// One HTTP attempt of the outbox. The transport (request, timeout, reading the answer) is fetched when something is first
// due to be sent: a page where nobody files anything and nothing waits never downloads it. Offline it cannot arrive, but
// then nothing could be sent.
import { lazy } from './lazy.js';
import type { OutboxOptions } from './outbox-types.js';
import type { OutboxItem } from './outbox-store.js';
import type { HeadersInput, SendResult } from './transport.js';

const transport = lazy(() => import('./transport.js'));

/**
 * Sends `item` once; a transport that cannot be fetched counts as a network failure, so the item waits for the next try.
 * `userIsWaiting`: a user just asked for this send, so the page may navigate away before the answer comes.
 */
export async function attemptSend(item: OutboxItem, options: OutboxOptions, headers: HeadersInput | undefined, userIsWaiting: boolean): Promise<SendResult> {
  try {
    const { send } = await (options.loadTransport ?? transport.load)();
    // Keepalive (slower) only where the page may be going away before the answer: a user's own send, or a hidden page.
    const keepalive = userIsWaiting || globalThis.document?.visibilityState === 'hidden';
    return await send(item, { ...options, headers, keepalive });
  } catch (error) {
    return { kind: 'retry', message: `could not load the transport: ${error instanceof Error ? error.message : String(error)}` };
  }
}
