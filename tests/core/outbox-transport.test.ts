// The HTTP attempt code is a chunk of its own: fetched when something is first due, and never the reason an item is lost.
// This file imports nothing that imports src/core/transport.ts, so the page loads it only through the outbox.
import { expect } from '@open-wc/testing';
import { receiver } from './receiver.js';
import { makeOutbox, freshOutboxEachTest, enqueueInput } from './outbox-fixture.js';
import { describe, it } from './mocha.js';

const transportFetched = () => performance.getEntriesByType('resource').some((entry) => new URL(entry.name).pathname === '/src/core/transport.ts');

describe('Outbox transport chunk', () => {
  freshOutboxEachTest();

  it('is not fetched by an outbox with nothing to send, and is by the first send', async () => {
    const outbox = makeOutbox();
    await outbox.ready;
    await outbox.flush();
    expect(transportFetched(), 'fetched with nothing to send').to.equal(false);
    const result = await outbox.enqueue(enqueueInput());
    expect(result.status).to.equal('sent');
    expect(transportFetched(), 'fetched for the first send').to.equal(true);
    expect(await receiver.records()).to.have.length(1);
  });

  it('that cannot be fetched leaves the item waiting, like a network failure, and the next try delivers it', async () => {
    let reachable = false;
    const outbox = makeOutbox({
      loadTransport: () => (reachable ? import('../../src/core/transport.js') : Promise.reject(new TypeError('Failed to fetch dynamically imported module'))),
    });
    const failed: Array<{ retrying: boolean; message: string }> = [];
    outbox.addEventListener('failed', (e) => failed.push((e as CustomEvent).detail));
    const result = await outbox.enqueue(enqueueInput());
    expect(result.status).to.equal('queued');
    expect(result.item.state).to.equal('pending');
    expect(failed).to.have.length(1);
    expect(failed[0]).to.include({ retrying: true });
    expect(failed[0]!.message).to.contain('could not load the transport');
    expect(await receiver.records()).to.have.length(0);

    reachable = true;
    await outbox.retry(result.item.id);
    expect(await outbox.list()).to.deep.equal([]);
    expect(await receiver.records()).to.have.length(1);
  });

  it('asks for keepalive (the request outlives the page) for the send a user just made, not for a backlog flushed on page load', async () => {
    const keepalive: Array<boolean | undefined> = [];
    let online = false;
    const watchedFetch: typeof fetch = (url, init) => {
      keepalive.push(init?.keepalive);
      return online ? fetch(url, init) : Promise.reject(new TypeError('offline (test)'));
    };
    const earlier = makeOutbox({ fetch: watchedFetch });
    expect((await earlier.enqueue(enqueueInput())).status).to.equal('queued');
    expect(keepalive, 'the user pressed send: the page may navigate away at once').to.deep.equal([true]);
    earlier.dispose();

    // A later page load delivers the backlog while the page stays: a request cut short by leaving is simply sent again.
    online = true;
    const later = makeOutbox({ fetch: watchedFetch, now: () => Date.now() + 3_600_000 });
    await later.flush();
    expect(await receiver.records()).to.have.length(1);
    expect(keepalive.slice(1)).to.deep.equal([false]);
  });
});
