// Whether an element can send (endpoint, format, tags): decided at once, worded only when it cannot, reported once per problem.
import { misconfigured } from '../core/config.js';
import type { EndpointCheck } from '../core/endpoint.js';
import { emit, type KoeConfigErrorDetail } from '../core/events.js';
import type { Locale } from '../i18n/locale.js';
import { lazy, type Parts } from './lazy.js';

// Only when the host misconfigured the element: the wording of the problem.
const words = lazy(() => import('./config-problem.js'));

export class ConfigCheck {
  /** The element cannot send; `message` words why once the wording is here. */
  blocked = false;
  message = '';
  #problem?: KoeConfigErrorDetail;
  #reported = '';
  readonly #host: HTMLElement;
  readonly #parts: Parts;

  constructor(host: HTMLElement, parts: Parts) {
    this.#host = host;
    this.#parts = parts;
  }

  /** From willUpdate; `lang` is the language on screen (undefined until the element's strings arrive). */
  check(lang: Locale | undefined, endpoint: EndpointCheck, format: string, tagsProblem?: string): void {
    this.blocked = misconfigured(endpoint, format, tagsProblem);
    if (this.blocked) this.#parts.need(words);
    const w = this.blocked && lang && words.get();
    this.#problem = w ? w.configProblem(lang, endpoint, format, tagsProblem) : undefined;
    this.message = this.#problem?.message ?? '';
  }

  /** From updated: `koe-config-error` when the problem (or its wording) is new. */
  report(): void {
    if (this.#problem && this.message !== this.#reported) emit(this.#host, 'koe-config-error', this.#problem);
    this.#reported = this.message;
  }

  /** The heading above `message`; only while `message` is set. */
  title(lang: Locale): string {
    return words.get()!.configTitle(lang);
  }
}
