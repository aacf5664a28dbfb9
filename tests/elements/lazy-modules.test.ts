// A view whose module could not be fetched (offline) says "loading"; when the network comes back, the element updates
// and asks again, so a consent link opened in English on a train shows its notice once the train is out of the tunnel.
import { expect } from '@open-wc/testing';
import { lazy } from '../../src/core/lazy.js';
import { LazyModules } from '../../src/shared/lazy-modules.js';

describe('LazyModules', () => {
  it('asks the element to update when a module arrives, and again when the network is back after a failed fetch', async () => {
    let updates = 0;
    const modules = new LazyModules({ requestUpdate: () => void (updates += 1) });
    let online = false;
    const wording = lazy(() => (online ? Promise.resolve({ notice: 'Consent' }) : Promise.reject(new TypeError('Failed to fetch'))));

    modules.need(wording);
    await modules.pending;
    expect(wording.get()).to.equal(undefined);
    expect(updates, 'no update for a failed fetch').to.equal(0);

    online = true;
    window.dispatchEvent(new Event('online'));
    expect(updates, 'the network is back: the element updates').to.equal(1);
    // That update's willUpdate asks again, and the module arrives.
    modules.need(wording);
    await modules.pending;
    expect(wording.get()).to.deep.equal({ notice: 'Consent' });
    expect(updates).to.equal(2);

    window.dispatchEvent(new Event('online'));
    expect(updates, 'one update per failure, not per online event').to.equal(2);
  });
});
