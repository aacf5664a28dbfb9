// Scenarios 8–9: IndexedDB throwing or hanging at open, and a full disk while a draft is saved.
// A browser cannot be made to fail IndexedDB on demand, so these two fakes are injected before any page script.
import { assert, newContext, until } from './harness.mjs';
import { SIDE, fileVoice, openCrm, recordKoeEvents, shadowText } from './pages.mjs';
import { expectClean, tally } from './tally.mjs';

const OFFLINE_SAFETY_OFF = 'オフライン時の保護が無効';
const DRAFT_NOT_SAVED = '下書きを保存できませんでした';

function idbThrows() {
  IDBFactory.prototype.open = function open() {
    throw new DOMException('IndexedDB is broken (e2e fake)', 'UnknownError');
  };
}

function idbHangs() {
  // An open request that never fires success, error or blocked.
  IDBFactory.prototype.open = function open() {
    return new EventTarget();
  };
}

function draftQuotaSync() {
  const put = IDBObjectStore.prototype.put;
  IDBObjectStore.prototype.put = function (...args) {
    if (this.transaction.db.name === 'koe-drafts') throw new DOMException('The quota has been exceeded (e2e fake).', 'QuotaExceededError');
    return put.apply(this, args);
  };
}

function draftQuotaAsync() {
  // As Chromium reports a full disk: the write is accepted, then its transaction aborts. Aborted from the request's
  // success event, before which the transaction cannot commit (a setTimeout(0) raced the commit and sometimes lost).
  const put = IDBObjectStore.prototype.put;
  IDBObjectStore.prototype.put = function (...args) {
    const request = put.apply(this, args);
    if (this.transaction.db.name === 'koe-drafts') {
      const tx = this.transaction;
      request.addEventListener('success', () => tx.abort(), { once: true });
    }
    return request;
  };
}

/** 8. IndexedDB throws, or its open hangs: the form still sends online, says offline safety is off, no uncaught errors. */
export async function idbBroken(world, row) {
  const { receiver } = world;
  const ids = [];
  const errors = [];
  const notes = [];
  for (const [name, fake] of [['throws', idbThrows], ['hangs', idbHangs]]) {
    const ctx = await newContext(world, { init: [recordKoeEvents, fake] });
    try {
      const page = await ctx.context.newPage();
      const submitted = [];
      page.on('request', (r) => r.method() === 'POST' && r.url().endsWith('/api/intake') && submitted.push(r.headers()['idempotency-key']));
      await openCrm(page);
      row.trials += 1;
      // The open probe gives up after 3 s when IndexedDB hangs; the warning must show by then.
      await until(async () => (await shadowText(page)).includes(OFFLINE_SAFETY_OFF), `the offline-safety-off warning (IndexedDB ${name})`, 10_000);
      const state = await fileVoice(page, `IndexedDB が ${name === 'throws' ? '例外を投げる' : '応答しない'} 環境からの声`);
      assert(state === 'sent', `IndexedDB ${name}: expected "sent" online, got ${state}`);
      ids.push(...submitted.map((k) => k.replace(/"/g, '')));
      notes.push(`${name}: sent, warning shown`);
    } finally {
      errors.push(...ctx.errors);
      await ctx.context.close();
    }
  }
  await tally(row, receiver, ids, { errors });
  assert(ids.length === 2, `expected two submissions, saw ${ids.length}`);
  expectClean(row, errors);
  return notes.join('; ');
}

/** 9. Quota exceeded while saving a draft: the text stays in the field and a warning shows. */
export async function draftQuota(world, row) {
  const { receiver } = world;
  const ids = [];
  const errors = [];
  for (const [name, fake] of [['put throws QuotaExceededError', draftQuotaSync], ['transaction aborts', draftQuotaAsync]]) {
    const ctx = await newContext(world, { init: [recordKoeEvents, fake] });
    try {
      const page = await ctx.context.newPage();
      await openCrm(page);
      row.trials += 1;
      const text = `空き容量がなくても消えない下書き（${name}）`;
      const box = page.locator(`${SIDE} textarea`);
      await box.click();
      await page.keyboard.type(text, { delay: 5 });
      await until(async () => (await shadowText(page)).includes(DRAFT_NOT_SAVED), `the draft warning (${name})`, 10_000);
      assert((await box.inputValue()) === text, `${name}: the typed text changed or vanished`);
      // The form itself still works.
      assert((await fileVoice(page, text)) === 'sent', `${name}: could not send after the draft failure`);
      const stored = (await receiver.records('intake')).find((l) => l.record.voice.text === text);
      assert(stored, `${name}: not stored`);
      ids.push(stored.record.id);
    } finally {
      errors.push(...ctx.errors);
      await ctx.context.close();
    }
  }
  await tally(row, receiver, ids, { errors });
  expectClean(row, errors);
  return 'text kept, warning shown, still sends';
}
