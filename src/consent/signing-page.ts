// The signing page of <koe-consent>, fetched as one module once the element needs to read its link: the link reader
// (link-rules.ts) and the views that follow it. Nothing but "loading" shows before the link is read, so they come together.
export { resolveSource } from './link-source.js';
export { renderSignForm } from './consent-form.js';
export { problemText, renderNotice, renderProblem } from './consent-views.js';
export { buildNoticeWith, buildWithdrawalNoticeWith } from './notice-template.js';
export { isoWithOffset } from './time.js';
