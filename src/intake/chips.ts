// The tag chips of <koe-intake>: toggle buttons (aria-pressed) with one tab stop; arrows, Home/End and number keys move within.
import { html, nothing, type TemplateResult } from 'lit';
import type { FormOptions } from './fields.js';

const STEP: Record<string, number> = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 };

function toggleTag(o: FormOptions, id: string): void {
  const tags = o.form.tags.includes(id) ? o.form.tags.filter((t) => t !== id) : [...o.form.tags, id];
  o.onChange({ tags });
}

/** Arrow keys, Home/End move between chips; number keys 1–9 pick a chip directly (one key press). */
function chipKeydown(o: FormOptions) {
  return (event: KeyboardEvent) => {
    const { key } = event;
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const buttons = [...o.host.renderRoot.querySelectorAll<HTMLButtonElement>('.chip')];
    const n = buttons.length;
    const current = Math.max(0, buttons.indexOf(event.composedPath()[0] as HTMLButtonElement));
    const digit = /^[1-9]$/.test(key) && +key <= n;
    const next = digit ? +key - 1 : STEP[key] ? (current + STEP[key] + n) % n : key === 'Home' ? 0 : key === 'End' ? n - 1 : -1;
    if (next < 0) return;
    event.preventDefault();
    o.onTagFocus(next);
    buttons[next]!.focus();
    if (digit) toggleTag(o, o.tags[next]!.id);
  };
}

export function renderChips(o: FormOptions): TemplateResult {
  const invalid = !!o.errors.tags;
  const focusIndex = Math.min(o.tagFocus, o.tags.length - 1);
  return html`<div class="chips" role="group" aria-labelledby="tags-legend" aria-describedby="tags-hint${invalid ? ' tags-error' : ''}" @keydown=${chipKeydown(o)}>
    ${o.tags.map((tag, i) => {
      const pressed = o.form.tags.includes(tag.id);
      return html`<button
        type="button"
        part="chip${pressed ? ' chip--pressed' : ''}"
        class="chip"
        data-tag=${tag.id}
        aria-pressed=${pressed}
        aria-invalid=${invalid}
        tabindex=${i === focusIndex ? 0 : -1}
        @click=${() => toggleTag(o, tag.id)}
      >
        ${i < 9 ? html`<span class="chip-key" aria-hidden="true">${i + 1}</span>` : nothing}${tag.label[o.t.lang]}
      </button>`;
    })}
  </div>`;
}
