// The README's iframe recipe: frame the embed page with the context in the fragment; accept messages only from the receiver.
const receiver = new URLSearchParams(location.search).get('receiver');
const frame = document.getElementById('koe-frame');
window.koeMessages = [];
window.addEventListener('message', (event) => {
  if (event.origin !== receiver || event.data?.source !== 'koe-widgets') return;
  window.koeMessages.push({ origin: event.origin, type: event.data.type, detail: event.data.detail });
  if (event.data.type === 'koe-embed-resize') frame.height = String(event.data.detail.height);
});
// ?consent=<fragment> frames the consent page with that link instead of the intake form; ?locale= (empty) names no
// locale in the fragment, so the form speaks the browser's language.
const consent = new URLSearchParams(location.search).get('consent');
const locale = new URLSearchParams(location.search).get('locale') ?? 'ja';
const context = new URLSearchParams({ 'company-id': 'C-FRAME-1', 'company-name': 'フレーム物産', 'deal-id': 'D-FRAME-1', 'reporter-id': 'u-frame', ...(locale ? { locale } : {}) });
frame.src = consent ? `${receiver}/embed/consent.html#${consent}` : `${receiver}/embed/intake.html#${context}`;
