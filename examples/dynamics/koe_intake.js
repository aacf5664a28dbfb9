// Dynamics 365 HTML web resource: the form's OnLoad handler (form_onload.js) hands this page the form context with
// getContentWindow(); the page then frames the receiver's /embed/intake.html with the record as the CRM context (in the
// URL fragment, which no server sees).
// Microsoft's Client API: https://learn.microsoft.com/power-apps/developer/model-driven-apps/clientapi/reference/controls/getcontentwindow
// (setClientApiContext), formContext.data.entity, formContext.getAttribute(), Xrm.Utility.getGlobalContext().userSettings.

/** Your Koe receiver. Its KOE_ALLOWED_ORIGINS must name your org (https://yourorg.crm.dynamics.com). */
const KOE_RECEIVER = 'https://koe.example.com';

/** The receiver's intake page with the context attributes Koe knows (README, "Iframe-only hosts"); empty ones are left out. */
function intakePage(context) {
  const fragment = new URLSearchParams();
  for (const [name, value] of Object.entries(context)) if (value) fragment.set(name, String(value));
  return `${KOE_RECEIVER}/embed/intake.html#${fragment}`;
}

/** Record ids come as '{GUID}'. */
const bare = (id) => id?.replace(/[{}]/g, '');

// Called by form_onload.js once the form has loaded; no Xrm or form context before that.
window.setClientApiContext = (xrm, formContext) => {
  const entity = formContext.data.entity;
  const value = (attribute) => formContext.getAttribute(attribute)?.getValue();
  // On an opportunity, the company is its account (a lookup: [{ id, name, entityType }]); on an account, the record.
  const opportunity = entity.getEntityName() === 'opportunity';
  const account = opportunity ? value('parentaccountid')?.[0] : { id: entity.getId(), name: value('name') };
  const user = xrm.Utility.getGlobalContext().userSettings;
  document.getElementById('koe').src = intakePage({
    'company-id': bare(account?.id),
    'company-name': account?.name,
    'deal-id': opportunity ? bare(entity.getId()) : undefined,
    'deal-stage': opportunity ? value('stepname') : undefined,
    'reporter-id': bare(user.userId),
    'reporter-name': user.userName,
    locale: user.languageId === 1041 ? 'ja' : 'en',
  });
};

// The form's events come by postMessage, from the receiver only: here, its height, so that the web resource shows it whole.
window.addEventListener('message', (event) => {
  if (event.origin !== KOE_RECEIVER || event.data?.source !== 'koe-widgets') return;
  if (event.data.type === 'koe-embed-resize') document.getElementById('koe').height = String(event.data.detail.height);
});
