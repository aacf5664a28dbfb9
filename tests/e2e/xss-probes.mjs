// Page-side code for scenario 11 (serialized into the page by page.evaluate; no imports, no closures).

/** Init script: any alert/confirm/prompt is recorded instead of shown; Function/eval are not patched (Lit needs neither). */
export function trapExecution() {
  window.__xss = [];
  for (const name of ['alert', 'confirm', 'prompt']) {
    window[name] = (...args) => void window.__xss.push(`${name}(${args.map(String).join(',')})`);
  }
}

/** Proves the trap works: an HTML-parsed payload must be caught; then the record is cleared. */
export async function canary() {
  const box = document.createElement('div');
  box.innerHTML = `<img src="data:," onerror="alert('canary')">`;
  document.body.append(box);
  for (let i = 0; i < 50 && !window.__xss.length; i++) await new Promise((r) => setTimeout(r, 50));
  box.remove();
  return window.__xss.splice(0);
}

/**
 * Renders each payload into every attribute / context field / tag label of <koe-intake>, and every attribute and the
 * selected page text of <koe-snippet>. Returns problems: text shown differently from a plain marker, foreign elements,
 * inline handlers. `limits` are the stated field limits (IDs are NFKC-normalized, free text NFC; whitespace may collapse).
 */
export async function probeIntakeAndSnippet({ payloads, marker }) {
  const ATTRS = ['company-id', 'company-name', 'contact-name', 'deal-id', 'deal-stage', 'lead-source', 'reporter-id', 'reporter-name'];
  const norm = (s) => s.normalize('NFKC').replace(/\s+/g, ' ').trim();
  const count = (hay, needle) => (needle ? hay.split(needle).length - 1 : 0);
  const next = () => new Promise((r) => setTimeout(r, 0));
  const shape = (root) => {
    const all = [...root.querySelectorAll('*')];
    const handlers = all.flatMap((el) => [...el.attributes].filter((a) => /^on/i.test(a.name)).map((a) => `${el.localName}[${a.name}]`));
    return { tags: all.map((el) => el.localName).sort().join(','), handlers };
  };
  const views = {
    async attrs(p) {
      const el = document.createElement('koe-intake');
      el.setAttribute('endpoint', '/api/intake');
      for (const a of ATTRS) el.setAttribute(a, p);
      document.body.append(el);
      await el.updateComplete;
      return { el, root: el.shadowRoot, text: el.shadowRoot.querySelector('[part=context]')?.textContent ?? '', values: [el.shadowRoot.querySelector('#contactName')?.value ?? ''] };
    },
    async reporterId(p) {
      const el = document.createElement('koe-intake');
      el.setAttribute('endpoint', '/api/intake');
      el.setAttribute('reporter-id', p);
      document.body.append(el);
      await el.updateComplete;
      return { el, root: el.shadowRoot, text: el.shadowRoot.querySelector('[part=context]')?.textContent ?? '', values: [] };
    },
    async contextAndTags(p) {
      const el = document.createElement('koe-intake');
      el.endpoint = '/api/intake';
      el.context = { companyId: p, companyName: p, contactName: p, dealId: p, dealStage: p, leadSource: p, reporterId: p, reporterName: p, note: p };
      el.tags = [{ id: 'case-study', label: { ja: p, en: p } }];
      document.body.append(el);
      await el.updateComplete;
      const r = el.shadowRoot;
      return { el, root: r, text: `${r.querySelector('[part=context]')?.textContent ?? ''}|${r.querySelector('.chip')?.textContent ?? ''}`, values: [r.querySelector('#contactName')?.value ?? ''] };
    },
    async config(p) {
      const el = document.createElement('koe-intake');
      for (const a of ['endpoint', 'format', 'locale']) el.setAttribute(a, p);
      document.body.append(el);
      await el.updateComplete;
      return { el, root: el.shadowRoot, text: '', values: [] };
    },
    async snippet(p) {
      const el = document.createElement('koe-snippet');
      el.setAttribute('endpoint', '/api/intake');
      for (const a of ATTRS) el.setAttribute(a, p);
      const para = document.createElement('p');
      para.textContent = p; // what the page shows: the payload as text in an email
      el.append(para);
      document.body.append(el);
      await el.updateComplete;
      const range = document.createRange();
      range.selectNodeContents(para);
      getSelection().removeAllRanges();
      getSelection().addRange(range);
      for (let i = 0; i < 20 && el.shadowRoot.querySelector('[part=button]')?.hidden !== false; i++) await new Promise((r) => setTimeout(r, 10));
      el.open();
      await el.updateComplete;
      const inner = el.shadowRoot.querySelector('koe-intake');
      await inner?.updateComplete;
      const r = inner?.shadowRoot;
      const out = { el, root: r ?? el.shadowRoot, text: `${r?.querySelector('[part=context]')?.textContent ?? ''}|${el.shadowRoot.querySelector('[part=button]')?.title ?? ''}`, values: [r?.querySelector('textarea')?.value ?? '', r?.querySelector('#contactName')?.value ?? ''] };
      out.outer = el.shadowRoot;
      el.close();
      getSelection().removeAllRanges();
      return out;
    },
  };
  const problems = [];
  const baselines = {};
  let renders = 0;
  for (const [name, view] of Object.entries(views)) {
    const base = await view(marker);
    const want = { n: count(base.text, marker), shape: shape(base.root), values: base.values.map((v) => v === marker) };
    baselines[name] = `${want.n}× text, ${want.values.filter(Boolean).length} field(s)`;
    base.el.remove();
    for (const [i, p] of payloads.entries()) {
      const got = await view(p);
      renders += 1;
      const s = shape(got.root);
      const outer = got.outer ? shape(got.outer).handlers : [];
      if (s.handlers.length || outer.length) problems.push(`${name} #${i}: inline handlers ${[...s.handlers, ...outer].join(' ')}`);
      if (name !== 'config' && s.tags !== want.shape.tags) problems.push(`${name} #${i}: elements differ from a plain value`);
      const shown = count(norm(got.text), norm(p));
      if (shown < want.n) problems.push(`${name} #${i}: shown ${shown}× as text, a plain value ${want.n}×`);
      got.values.forEach((v, k) => want.values[k] && norm(v) !== norm(p) && problems.push(`${name} #${i}: field ${k} holds "${v.slice(0, 40)}"`));
      got.el.remove();
      await next();
    }
  }
  return { problems, renders, baselines };
}

/** For each consent link (base64url fragments), the notice and form against a plain-marker link. */
export async function probeConsent({ links, marker, payloads }) {
  const norm = (s) => s.normalize('NFKC').replace(/\s+/g, ' ').trim();
  const count = (hay, needle) => hay.split(needle).length - 1;
  const el = document.querySelector('koe-consent');
  const show = async (fragment) => {
    if (location.hash !== `#${fragment}`) {
      const changed = new Promise((r) => window.addEventListener('hashchange', r, { once: true }));
      location.hash = fragment;
      await changed;
    }
    await el.updateComplete;
    const r = el.shadowRoot;
    const all = [...r.querySelectorAll('*')];
    return {
      text: norm(r.textContent),
      values: [...r.querySelectorAll('input[type=text], input:not([type])')].map((i) => i.value),
      tags: all.map((e) => e.localName).sort().join(','),
      handlers: all.flatMap((e) => [...e.attributes].filter((a) => /^on/i.test(a.name)).map((a) => `${e.localName}[${a.name}]`)),
      problem: !!r.querySelector('[part=problem]'),
    };
  };
  const base = await show(links.marker);
  const want = count(base.text, marker);
  const problems = want > 0 && base.values.some((v) => v === marker) ? [] : [`consent: the plain marker itself is not shown (${want}×)`];
  for (const [i, fragment] of links.payloads.entries()) {
    const p = norm(payloads[i]);
    const got = await show(fragment);
    if (got.problem) problems.push(`consent #${i}: the link was refused`);
    if (got.handlers.length) problems.push(`consent #${i}: inline handlers ${got.handlers.join(' ')}`);
    if (got.tags !== base.tags) problems.push(`consent #${i}: elements differ from a plain request`);
    const shown = count(got.text, p);
    if (shown < want) problems.push(`consent #${i}: shown ${shown}× as text, a plain value ${want}×`);
    if (!got.values.some((v) => norm(v) === p)) problems.push(`consent #${i}: the signer fields do not hold the value`);
  }
  return { problems, renders: links.payloads.length, baseline: `${want}× text` };
}
