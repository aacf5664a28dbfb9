// Why an element cannot send, worded for people: fetched only when an element is misconfigured.
import { endpointErrorMessage, type EndpointCheck } from '../core/endpoint.js';
import type { KoeConfigErrorDetail } from '../core/events.js';
import { configStrings } from '../i18n/config-errors.js';
import type { Locale } from '../i18n/locale.js';
import { FORMATS } from '../core/config.js';

/** The first problem among endpoint, format and tags, in `lang` (see `misconfigured` in core/config.ts); undefined when none. */
export function configProblem(lang: Locale, endpoint: EndpointCheck, format: string, tagsProblem?: string): KoeConfigErrorDetail | undefined {
  const t = configStrings[lang];
  if (!endpoint.ok) return { field: 'endpoint', reason: endpoint.reason, message: endpointErrorMessage(endpoint, t) };
  if (!FORMATS.includes(format)) return { field: 'format', reason: 'unsupported', message: t.formatInvalid(format) };
  if (tagsProblem) return { field: 'tags', reason: 'invalid', message: t.tagsConfigInvalid(tagsProblem) };
  return undefined;
}

export const configTitle = (lang: Locale): string => configStrings[lang].configErrorTitle;
