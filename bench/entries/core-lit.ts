// What every element pays before its own code: Lit plus the delivery core.
export { LitElement, html, css } from 'lit';
export { Outbox } from '../../src/core/outbox.js';
export { DraftStore } from '../../src/core/draft-store.js';
export { checkEndpoint } from '../../src/core/endpoint.js';
export { OutboxController } from '../../src/shared/outbox-controller.js';
