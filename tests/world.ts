// A clean world for each browser test: the receiver, the shared outbox, the URL fragment and remembered choices.
import { Outbox } from '../src/core/outbox.js';
import { receiver } from './core/receiver.js';

/** Nothing leaks from one test into the next: receiver records and faults, outbox items, `#koe=` links, localStorage. */
export async function resetWorld(): Promise<void> {
  localStorage.clear();
  history.replaceState(null, '', location.pathname + location.search);
  // The outbox first: a discard waits for an attempt in flight, so nothing an earlier test queued lands after the reset.
  const outbox = Outbox.shared();
  await outbox.ready;
  for (const item of await outbox.list()) await outbox.discard(item.id);
  await receiver.reset();
}
