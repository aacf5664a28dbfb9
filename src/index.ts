// Koe's public entry: registers all three elements and exports the core for hosts that want code.
export { KoeIntake } from './intake/define.js';
export { KoeSnippet } from './snippet/define.js';
export { KoeConsent } from './consent/define.js';

export * from './core/schemas.js';
export { KoeEvent } from './core/events.js';
export type * from './core/events.js';
export { Outbox } from './core/outbox.js';
export type { OutboxItem, EnqueueResult, HeadersInput, Format } from './core/outbox.js';
export { DraftStore } from './core/draft-store.js';
export { checkEndpoint } from './core/endpoint.js';
export type { EndpointCheck } from './core/endpoint.js';
export { countGraphemes, normalizeId, TEXT_LIMITS } from './core/text.js';
export { DEFAULT_TAGS, resolveContext } from './core/config.js';
export type { KoeContext, KoeContextInput, KoeTag } from './core/config.js';
export { toConsentReceipt } from './consent/receipt.js';
export type { KantaraConsentReceipt } from './consent/receipt.js';
export { decodeConsentLink, encodeConsentLink, decodeWithdrawLink, encodeWithdrawLink } from './consent/consent-links.js';
export { sha256Hex } from './consent/notice-hash.js';
export { resolveLocale } from './i18n/locale.js';
export type { Locale } from './i18n/locale.js';
