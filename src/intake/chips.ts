// The tag chips of <koe-intake>: toggle buttons (aria-pressed) with one tab stop; arrows, Home/End and number keys move within.
import { html, nothing, type TemplateResult } from 'lit';
import type { FormView } from './fields.js';

const STEP: Record<string, number> = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 };

function toggleTag(view: FormView, id: string): void {
  const tags = view.form.tags.includes(id) ? view.form.tags.filter((t) => t !== id) : [...view.form.tags, id];
  view.onChange({ tags });
}

/** The digit 1–9 as a chip index, when there is such a chip; else undefined. */
function digitIndex(key: string, count: number): number | undefined {
  if (!/^[1-9]$/.test(key)) return undefined;
  const index = Number(key) - 1;
  return index < count ? index : undefined;
}

/** Where an arrow, Home or End key moves the focus from chip `current` (arrows wrap around); undefined for other keys. */
function movedIndex(key: string, current: number, count: number): number | undefined {
  const step = STEP[key];
  if (step !== undefined) return (current + step + count) % count;
  if (key === 'Home') return 0;
  if (key === 'End') return count - 1;
  return undefined;
}

/** Arrow keys, Home/End move between chips; number keys 1–9 pick a chip directly (one key press). */
function chipKeydown(view: FormView) {
  return (event: KeyboardEvent) => {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const buttons = [...view.host.renderRoot.querySelectorAll<HTMLButtonElement>('.chip')];
    const current = Math.max(0, buttons.indexOf(event.composedPath()[0] as HTMLButtonElement));
    const picked = digitIndex(event.key, buttons.length);
    const next = picked ?? movedIndex(event.key, current, buttons.length);
    if (next === undefined) return;
    event.preventDefault();
    view.onTagFocus(next);
    buttons[next]!.focus();
    if (picked !== undefined) toggleTag(view, view.tags[picked]!.id);
  };
}

export function renderChips(view: FormView): TemplateResult {
  const invalid = !!view.errors.tags;
  const focusIndex = Math.min(view.tagFocus, view.tags.length - 1);
  return html`<div class="chips" role="group" aria-labelledby="tags-legend" aria-describedby="tags-hint${invalid ? ' tags-error' : ''}" @keydown=${chipKeydown(view)}>
    ${view.tags.map((tag, i) => {
      const pressed = view.form.tags.includes(tag.id);
      return html`<button
        type="button"
        part="chip${pressed ? ' chip--pressed' : ''}"
        class="chip"
        data-tag=${tag.id}
        aria-pressed=${pressed}
        aria-invalid=${invalid}
        tabindex=${i === focusIndex ? 0 : -1}
        @click=${() => toggleTag(view, tag.id)}
      >
        ${i < 9 ? html`<span class="chip-key" aria-hidden="true">${i + 1}</span>` : nothing}${tag.label[view.t.lang]}
      </button>`;
    })}
  </div>`;
}
