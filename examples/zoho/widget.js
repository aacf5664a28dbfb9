// Zoho CRM widget: reads the record on screen and the signed-in user with Zoho's JS SDK, then frames the receiver's
// /embed/intake.html with them as the CRM context (in the URL fragment, which no server sees).
// Zoho's API: https://www.zohocrm.dev/explore/widgets/v1.5/jssdk — ZOHO.embeddedApp.on('PageLoad'),
// ZOHO.embeddedApp.init(), ZOHO.CRM.API.getRecord(), ZOHO.CRM.CONFIG.getCurrentUser().

/** Your Koe receiver. Its KOE_ALLOWED_ORIGINS must name this widget's origin, or the browser refuses to frame the form. */
const KOE_RECEIVER = 'https://koe.example.com';

const frame = document.getElementById('koe');

/** The receiver's intake page with the context attributes Koe knows (README, "Iframe-only hosts"); empty ones are left out. */
function intakePage(context) {
  const fragment = new URLSearchParams();
  for (const [name, value] of Object.entries(context)) if (value) fragment.set(name, String(value));
  return `${KOE_RECEIVER}/embed/intake.html#${fragment}`;
}

ZOHO.embeddedApp.on('PageLoad', async (page) => {
  // A record page passes one id; a custom button on a list view passes several, of which the first is taken.
  const recordId = Array.isArray(page.EntityId) ? page.EntityId[0] : page.EntityId;
  const [record, user] = await Promise.all([
    ZOHO.CRM.API.getRecord({ Entity: page.Entity, RecordID: recordId }).then((answer) => answer.data[0]),
    ZOHO.CRM.CONFIG.getCurrentUser().then((answer) => answer.users[0]),
  ]);
  // On a deal, the company is the deal's account (a lookup: { id, name }); on an account, it is the record itself.
  const deal = page.Entity === 'Deals';
  frame.src = intakePage({
    'company-id': deal ? record.Account_Name?.id : record.id,
    'company-name': deal ? record.Account_Name?.name : record.Account_Name,
    'deal-id': deal ? record.id : undefined,
    'deal-stage': deal ? record.Stage : undefined,
    'lead-source': record.Lead_Source,
    'reporter-id': user.id,
    'reporter-name': user.full_name,
    locale: user.locale?.startsWith('ja') ? 'ja' : 'en',
  });
});
ZOHO.embeddedApp.init();

// The form's events come by postMessage, from the receiver only: here, its height, so that the widget shows it whole.
window.addEventListener('message', (event) => {
  if (event.origin !== KOE_RECEIVER || event.data?.source !== 'koe-widgets') return;
  if (event.data.type === 'koe-embed-resize') frame.height = String(event.data.detail.height);
});
