// Which configuration problem (if any) stops the form from sending, with the message shown and the event detail.
import { endpointErrorMessage, type EndpointCheck } from '../core/endpoint.js';
import type { TagsCheck } from '../core/config.js';
import { FORMATS } from './vocab.js';
import type { KoeConfigErrorDetail } from '../core/events.js';
import type { CommonStrings } from '../i18n/common.js';
import type { IntakeStrings } from '../i18n/intake.js';

/** The first problem among endpoint, format and tags; undefined when the form can send. */
export function configProblem(
  endpoint: EndpointCheck,
  format: string,
  tags: TagsCheck,
  common: CommonStrings,
  strings: IntakeStrings,
): KoeConfigErrorDetail | undefined {
  if (!endpoint.ok) return { field: 'endpoint', reason: endpoint.reason, message: endpointErrorMessage(endpoint, common) };
  if (!FORMATS.includes(format as (typeof FORMATS)[number])) return { field: 'format', reason: 'unsupported', message: common.formatInvalid(format) };
  if (!tags.ok) return { field: 'tags', reason: 'invalid', message: strings.tagsConfigInvalid(tags.reason) };
  return undefined;
}
