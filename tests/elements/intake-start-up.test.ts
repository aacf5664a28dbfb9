// <koe-intake> on page load: the form comes first; the outbox and the drafts open after the first paint, and what they
// guarantee still holds (what an earlier visit left goes out, drafts come back, nothing typed is lost).
import { expect, html, fixture, fixtureCleanup } from '@open-wc/testing';
import '../../src/intake/define.js';
import type { KoeIntake } from '../../src/intake/koe-intake.js';
import { Outbox } from '../../src/core/outbox.js';
import { NO_FRAME_WAIT_MS } from '../../src/core/scheduling.js';
import { OutboxController } from '../../src/shared/outbox-controller.js';
import { fill, pickTag, records } from './intake-helpers.js';
import { enqueueInput } from '../core/outbox-fixture.js';
import { receiver } from '../core/receiver.js';
import { validIntake } from '../fixtures/submissions.js';
import { $ } from '../shadow.js';
import { until } from '../wait.js';
import { resetWorld } from '../world.js';
import { afterEach, beforeEach, describe, it } from '../core/mocha.js';

/** Adds a <koe-intake> as a page would, and resolves when its text box exists (the moment of its first render). */
function addIntake(company: string): Promise<KoeIntake> {
  const el = document.createElement('koe-intake');
  Object.assign(el, { endpoint: '/api/intake', locale: 'ja', companyId: company, reporterId: 'u-1' });
  document.body.append(el);
  const root = el.shadowRoot!;
  return new Promise((rendered) => {
    const observer = new MutationObserver(() => {
      if (!root.querySelector('textarea')) return;
      observer.disconnect();
      rendered(el);
    });
    observer.observe(root, { childList: true, subtree: true });
  });
}

/** Every IndexedDB database opened and read from, each with the number of frames painted before it. */
function watchIndexedDb() {
  const seen: string[] = [];
  let frames = 0;
  let watching = true;
  const countFrames = () => {
    frames += 1;
    if (watching) requestAnimationFrame(countFrames);
  };
  requestAnimationFrame(countFrames);
  const framesAtFirst: number[] = [];
  let timeAtFirst: number | undefined;
  const { open } = IDBFactory.prototype;
  const { get, getAll } = IDBObjectStore.prototype;
  const note = (what: string) => {
    if (!seen.length) {
      framesAtFirst.push(frames);
      timeAtFirst = performance.now();
    }
    seen.push(what);
  };
  IDBFactory.prototype.open = function (name: string, version?: number) {
    note(`open ${name}`);
    return open.call(this, name, version);
  };
  IDBObjectStore.prototype.get = function (this: IDBObjectStore, query: IDBValidKey | IDBKeyRange) {
    note(`read ${this.transaction.db.name}`);
    return get.call(this, query);
  };
  IDBObjectStore.prototype.getAll = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['getAll']>) {
    note(`read ${this.transaction.db.name}`);
    return getAll.apply(this, args);
  };
  return {
    seen,
    /** Frames painted before the first IndexedDB call. */
    get framesBeforeFirst() {
      return framesAtFirst[0];
    },
    /** When the first IndexedDB call came (performance.now()). */
    get timeAtFirst() {
      return timeAtFirst;
    },
    stop() {
      watching = false;
      Object.assign(IDBFactory.prototype, { open });
      Object.assign(IDBObjectStore.prototype, { get, getAll });
    },
  };
}

describe('<koe-intake> on page load', () => {
  beforeEach(async () => {
    await resetWorld();
    // A page that has not opened its outbox yet, as after a reload. Outbox.shared() may open one here: its start-up
    // reads (open, then the flush on page load) finish before a test watches IndexedDB, so none is counted as the form's.
    const leftover = Outbox.shared();
    await leftover.flush();
    leftover.dispose();
  });
  afterEach(async () => {
    document.querySelectorAll('koe-intake').forEach((el) => el.remove());
    await receiver.faults(null);
  });

  it('draws and paints the form before anything opens or reads IndexedDB; then the outbox and the drafts open', async () => {
    const indexedDb = watchIndexedDb();
    try {
      const el = await addIntake('C-start');
      const drawnAt = performance.now();
      expect(indexedDb.seen, 'IndexedDB work before the form was drawn').to.deep.equal([]);
      await el.updateComplete;
      await until(() => indexedDb.seen.includes('read koe-drafts'), 'the draft lookup');
      expect(indexedDb.seen).to.include('read koe-outbox-default');
      if (indexedDb.framesBeforeFirst === 0) {
        // No frame came (WebKit under WebDriver may paint none for a while): the wait for it ends after NO_FRAME_WAIT_MS.
        expect(indexedDb.timeAtFirst! - drawnAt, 'ms from the drawn form to the first IndexedDB call, no frame painted').to.be.at.least(NO_FRAME_WAIT_MS - 5);
      } else {
        expect(indexedDb.framesBeforeFirst, 'frames painted before the first IndexedDB call').to.be.at.least(1);
      }
    } finally {
      indexedDb.stop();
    }
  });

  it('draws the words box and the send button first; the tags, kind, channel and contact fields follow in the next task', async () => {
    const el = await addIntake('C-first');
    const root = el.shadowRoot!;
    expect(root.querySelector('button[type="submit"]'), 'the send button in the first render').to.exist;
    expect(root.querySelector('.chip'), 'tag chips in the first render').to.equal(null);
    await el.updateComplete;
    expect(root.querySelectorAll('.chip').length).to.be.above(0);
    expect([...root.querySelectorAll('select')].map((s) => s.name)).to.deep.equal(['channel', 'permission']);
    expect(root.querySelector('#contactName')).to.exist;
    await expect(el).to.be.accessible();
  });

  it('sends what an earlier visit left in the outbox, although the outbox opens after the first paint', async () => {
    // The earlier visit: the receiver was down, so the submission stayed in IndexedDB when that page went away.
    await receiver.faults({ kind: 'status', status: 503, path: '/api/intake' });
    const earlier = new Outbox({ name: 'default' });
    const left = validIntake();
    expect((await earlier.enqueue(enqueueInput(left))).status).to.equal('queued');
    earlier.dispose();
    await receiver.faults(null);
    expect(await records()).to.have.length(0);

    // This visit: nothing but the form on the page.
    await addIntake('C-reload');
    await until(async () => (await records()).some((r) => r.record.id === left.id), 'the left item at the receiver');
    await until(async () => (await Outbox.shared().list()).length === 0, 'an empty outbox');
  });

  it('keeps what was typed when the outbox code cannot be fetched, says so, and files it once it can', async () => {
    const { loadOutbox } = OutboxController;
    // The network went away after the page itself loaded and before the outbox's chunk came.
    OutboxController.loadOutbox = () => Promise.reject(new TypeError('Failed to fetch dynamically imported module'));
    try {
      const el = await fixture<KoeIntake>(html`<koe-intake endpoint="/api/intake" locale="ja" company-id="C-offline" reporter-id="u-1"></koe-intake>`);
      await fill(el, 'オフラインで開いたページの声');
      await pickTag(el, 'faq');
      expect(await el.submit()).to.equal('needs-attention');
      expect($(el, '[role="status"]').textContent).to.equal('送信の準備ができませんでした。接続を確認して、もう一度送信してください（入力した内容はそのまま残っています）。');
      expect($<HTMLTextAreaElement>(el, 'textarea').value).to.equal('オフラインで開いたページの声');
      expect(await records()).to.have.length(0);
      await expect(el).to.be.accessible();

      OutboxController.loadOutbox = loadOutbox;
      expect(await el.submit()).to.equal('sent');
      expect((await records())[0]!.record.voice.text).to.equal('オフラインで開いたページの声');
    } finally {
      OutboxController.loadOutbox = loadOutbox;
      fixtureCleanup();
    }
  });
});
