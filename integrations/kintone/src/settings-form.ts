// The plug-in settings form: native labelled controls (keyboard and screen readers work as everywhere), errors next to
// their field and announced, nothing rendered as HTML (every text goes through textContent).
import { checkEndpoint } from '../../../src/core/endpoint.js';
import { MAPPED_FIELDS, type KintoneLocale, type KoeKintoneConfig } from './config.js';
import type { FieldChoice, FormChoices } from './form-info.js';
import type { SettingsStrings } from './settings-strings.js';

export interface SettingsActions {
  save(config: KoeKintoneConfig): void;
  cancel(): void;
}

type Problems = Partial<Record<'endpoint' | 'spaceId', string>>;

/** What keeps the settings from being saved, worded for the admin. */
export function settingsProblems(config: KoeKintoneConfig, t: SettingsStrings): Problems {
  const problems: Problems = {};
  // An empty base URL: a relative path would point at kintone itself, so only an absolute URL passes.
  const endpoint = checkEndpoint(config.endpoint, '');
  if (!endpoint.ok) problems.endpoint = t.endpointProblem[endpoint.reason];
  if (!config.spaceId) problems.spaceId = t.spaceMissing;
  return problems;
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children);
  return node;
}

/** A select whose options are `choices`, plus the saved value when the form no longer has it (so nothing is lost silently). */
function choiceSelect(id: string, first: string, choices: FieldChoice[], saved: string | undefined, t: SettingsStrings): HTMLSelectElement {
  const select = el('select', { id, name: id });
  select.append(el('option', { value: '', textContent: first }));
  for (const { code, label } of choices) select.append(el('option', { value: code, textContent: label === code ? code : `${label}（${code}）` }));
  if (saved && !choices.some((c) => c.code === saved)) select.append(el('option', { value: saved, textContent: t.notOnForm(saved) }));
  select.value = saved ?? '';
  return select;
}

/** One labelled control with its help text and (hidden until needed) error, tied together by aria-describedby. */
function field(label: string, control: HTMLInputElement | HTMLSelectElement, help?: string): HTMLElement {
  const helpId = `${control.id}-help`;
  control.setAttribute('aria-describedby', help ? helpId : '');
  return el(
    'div',
    { className: 'koe-field' },
    el('label', { htmlFor: control.id, textContent: label }),
    control,
    ...(help ? [el('p', { id: helpId, className: 'koe-help', textContent: help })] : []),
    el('p', { id: `${control.id}-error`, className: 'koe-error', hidden: true }),
  );
}

/** Draws the settings screen into `root`: `saved` filled in, `choices` offered (undefined: the form could not be read). */
export function renderSettings(root: HTMLElement, t: SettingsStrings, lang: string, saved: KoeKintoneConfig, choices: FormChoices | undefined, actions: SettingsActions): void {
  const endpoint = el('input', { id: 'koe-endpoint', type: 'url', required: true, spellcheck: false, value: saved.endpoint });
  const spaces = (choices?.spaces ?? []).map((id) => ({ code: id, label: id }));
  const space = choiceSelect('koe-spaceId', t.choose, spaces, saved.spaceId || undefined, t);
  space.required = true;
  const mapped = MAPPED_FIELDS.map((name) => ({ name, select: choiceSelect(`koe-${name}`, t.notUsed, choices?.textFields ?? [], saved.fields?.[name], t) }));
  const snippet = choiceSelect('koe-snippetField', t.notUsed, choices?.bodyFields ?? [], saved.snippetField, t);
  const locale = el('select', { id: 'koe-locale', name: 'locale' });
  for (const [value, text] of [['auto', t.localeAuto], ['ja', '日本語'], ['en', 'English']] as const) {
    locale.append(el('option', { value, textContent: text, lang: value === 'auto' ? lang : value }));
  }
  locale.value = saved.locale ?? 'auto';
  const status = el('p', { className: 'koe-status', role: 'status' });

  const form = el(
    'form',
    { noValidate: true },
    field(t.endpoint, endpoint, t.endpointHelp),
    field(t.space, space, choices && spaces.length === 0 ? `${t.spaceHelp} ${t.noSpaces}` : t.spaceHelp),
    el('fieldset', { className: 'koe-mapping' }, el('legend', { textContent: t.mapping }), el('p', { className: 'koe-help', textContent: t.mappingHelp }), ...mapped.map(({ name, select }) => field(t.fields[name], select))),
    field(t.snippet, snippet, t.snippetHelp),
    field(t.locale, locale),
    status,
    el('div', { className: 'koe-actions' }, el('button', { type: 'submit', className: 'koe-save', textContent: t.save }), el('button', { type: 'button', className: 'koe-cancel', textContent: t.cancel, onclick: () => actions.cancel() })),
  );

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const config: KoeKintoneConfig = {
      endpoint: endpoint.value.trim(),
      spaceId: space.value,
      fields: Object.fromEntries(mapped.filter(({ select }) => select.value).map(({ name, select }) => [name, select.value])),
      snippetField: snippet.value || undefined,
      locale: locale.value as KintoneLocale,
    };
    const problems = settingsProblems(config, t);
    for (const [name, control] of [['endpoint', endpoint], ['spaceId', space]] as const) showProblem(control, problems[name]);
    const count = Object.keys(problems).length;
    status.textContent = count ? t.fixErrors(count) : '';
    if (count) form.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
    else actions.save(config);
  });

  root.replaceChildren(
    el(
      'section',
      { className: 'koe-settings', lang },
      el('h2', { textContent: t.title }),
      el('p', { textContent: t.intro }),
      ...(choices ? [] : [el('p', { className: 'koe-alert', role: 'alert', textContent: t.formUnavailable })]),
      form,
    ),
  );
}

/** Shows (or clears) a field's error: visible text next to it, aria-invalid, and read with the field. */
function showProblem(control: HTMLInputElement | HTMLSelectElement, problem: string | undefined): void {
  const error = document.getElementById(`${control.id}-error`)!;
  error.textContent = problem ?? '';
  error.hidden = !problem;
  const described = (control.getAttribute('aria-describedby') ?? '').split(' ').filter((id) => id && id !== error.id);
  control.setAttribute('aria-describedby', [...described, ...(problem ? [error.id] : [])].join(' '));
  if (problem) control.setAttribute('aria-invalid', 'true');
  else control.removeAttribute('aria-invalid');
}
