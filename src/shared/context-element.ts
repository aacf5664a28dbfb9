// What <koe-intake> and <koe-snippet> share as public API: where to send, in which format and language, and the CRM context.
import type { PropertyDeclarations } from 'lit';
import { CONTEXT_ATTRIBUTES, type KoeContextInput, type KoeTag } from '../core/config.js';
import type { HeadersInput } from '../core/transport.js';
import { KoeElement } from './koe-element.js';

/** Base class of the elements that file customer voices; declares their shared attributes and properties. */
export class KoeContextElement extends KoeElement {
  /** Reactive properties (declared here rather than with decorators: smaller bundles); subclasses add their own. */
  static override properties: PropertyDeclarations = {
    endpoint: {},
    format: {},
    locale: {},
    // company-id → companyId, …: the one list in core/config.ts.
    ...Object.fromEntries(Object.entries(CONTEXT_ATTRIBUTES).map(([attribute, field]) => [field, { attribute }])),
    context: { attribute: false },
    tags: { attribute: false },
    headers: { attribute: false },
  };

  /** Where to POST: an https: URL, a same-origin path, or http://localhost. */
  endpoint = '';
  /** `json` (default) or `cloudevents`. */
  format = 'json';
  /** `ja` or `en`; default from the nearest `lang`, then the browser. */
  locale?: string;
  /**
   * The customer company's ID in the CRM (NFKC-normalised).
   * @attr company-id
   */
  companyId?: string;
  /**
   * The customer company's name.
   * @attr company-name
   */
  companyName?: string;
  /**
   * The customer contact's name.
   * @attr contact-name
   */
  contactName?: string;
  /**
   * The deal (opportunity) ID in the CRM (NFKC-normalised).
   * @attr deal-id
   */
  dealId?: string;
  /**
   * The deal's stage, as the CRM names it.
   * @attr deal-stage
   */
  dealStage?: string;
  /**
   * Where the lead came from, e.g. a webinar.
   * @attr lead-source
   */
  leadSource?: string;
  /**
   * The ID of the person filing (the logged-in CRM user; NFKC-normalised).
   * @attr reporter-id
   */
  reporterId?: string;
  /**
   * The name of the person filing.
   * @attr reporter-name
   */
  reporterName?: string;
  /** The whole CRM context as an object (wins per field over attributes); unknown keys go to `custom`. */
  context?: KoeContextInput;
  /** The tag vocabulary: `[{ id, label: { ja, en } }]`. Defaults to the shared vocabulary. */
  tags?: KoeTag[];
  /** Request headers: an object or a (possibly async) function called at send time. Never stored. */
  headers?: HeadersInput;
}
