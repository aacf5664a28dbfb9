// Whether an element can send (endpoint, format, tags): decided at once, worded only when it cannot, reported once per problem.
import { FORMATS, misconfigured } from '../core/config.js';
import type { EndpointCheck } from '../core/endpoint.js';
import { emit, type KoeConfigErrorDetail } from '../core/events.js';
import type { Locale } from '../i18n/locale.js';
import { lazy } from '../core/lazy.js';
import type { LazyModules } from './lazy-modules.js';

// Only when the host misconfigured the element: the wording of the problem.
export const configWording = lazy(() => import('./config-problem.js'));

export class ConfigCheck {
  /** The element cannot send; `message` words why once the wording is here. */
  blocked = false;
  message = '';
  readonly #host: HTMLElement;
  readonly #lazyModules: LazyModules;
  /** A problem (or a new wording of it) that report() has yet to send. */
  #unreported?: KoeConfigErrorDetail;

  /** `lazyModules`: the element's, so that `updateComplete` also waits for the wording. */
  constructor(host: HTMLElement, lazyModules: LazyModules) {
    this.#host = host;
    this.#lazyModules = lazyModules;
  }

  /** From willUpdate; `lang` is the language on screen (undefined until the element's strings arrive). */
  check(lang: Locale | undefined, endpoint: EndpointCheck, format: string, tagsProblem?: string): void {
    this.blocked = misconfigured(endpoint, format, tagsProblem);
    if (this.blocked) this.#lazyModules.need(configWording);
    const wording = configWording.get();
    const badFormat = FORMATS.includes(format) ? undefined : format;
    const problem = this.blocked && lang && wording ? wording.configProblem(lang, endpoint, badFormat, tagsProblem) : undefined;
    const message = problem?.message ?? '';
    if (message !== this.message) this.#unreported = problem;
    this.message = message;
  }

  /** From updated: `koe-config-error` when the problem (or its wording) is new. */
  report(): void {
    if (this.#unreported) emit(this.#host, 'koe-config-error', this.#unreported);
    this.#unreported = undefined;
  }

  /** The heading above `message`; only while `message` is set. */
  title(lang: Locale): string {
    return configWording.get()!.configTitle(lang);
  }
}
