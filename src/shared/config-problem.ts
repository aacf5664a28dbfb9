// Why an element cannot send, worded for people: fetched only when an element is misconfigured.
import type { EndpointCheck } from '../core/endpoint.js';
import type { KoeConfigErrorDetail } from '../core/events.js';
import { configStrings, type ConfigStrings } from '../i18n/config-errors.js';
import type { Locale } from '../i18n/locale.js';

/**
 * The first problem among endpoint, format and tags, in `lang`; undefined when none. `badFormat` is the `format`
 * attribute when it is not one we send (the caller knows: `misconfigured` in core/config.ts), so that this chunk
 * does not carry core/config.ts (which would then be split out of every entry into a chunk of its own).
 */
export function configProblem(lang: Locale, endpoint: EndpointCheck, badFormat?: string, tagsProblem?: string): KoeConfigErrorDetail | undefined {
  const t = configStrings[lang];
  if (!endpoint.ok) return { field: 'endpoint', reason: endpoint.reason, message: endpointErrorMessage(endpoint, t) };
  if (badFormat !== undefined) return { field: 'format', reason: 'unsupported', message: t.formatInvalid(badFormat) };
  if (tagsProblem) return { field: 'tags', reason: 'invalid', message: t.tagsConfigInvalid(tagsProblem) };
  return undefined;
}

export const configTitle = (lang: Locale): string => configStrings[lang].configErrorTitle;

/** The user-facing message for a refused endpoint, in the strings' language. */
export function endpointErrorMessage(check: EndpointCheck, strings: ConfigStrings): string {
  if (check.ok) return '';
  switch (check.reason) {
    case 'missing':
      return strings.endpointMissing;
    case 'invalid':
      return strings.endpointInvalid(check.detail);
    case 'scheme':
      return strings.endpointScheme(check.detail);
    case 'insecure-http':
      return strings.endpointInsecure(check.detail);
    case 'credentials':
      // Never echo the URL: it holds the secret.
      return strings.endpointCredentials;
  }
}
