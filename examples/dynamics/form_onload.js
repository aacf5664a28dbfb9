// A JavaScript web resource for the form's OnLoad event (handler: form_onload, "Pass execution context as first
// parameter" ticked): gives the Koe web resource the form context, as Microsoft documents for HTML web resources
// (https://learn.microsoft.com/power-apps/developer/model-driven-apps/clientapi/reference/controls/getcontentwindow).

/** The name of the web resource control on the form (Form editor → the web resource → Name). */
const KOE_CONTROL = 'WebResource_koe_intake';

// eslint-disable-next-line @typescript-eslint/no-unused-vars -- called by the form, by name
function form_onload(executionContext) {
  const formContext = executionContext.getFormContext();
  const control = formContext.getControl(KOE_CONTROL);
  if (!control) return;
  control.getContentWindow().then((contentWindow) => contentWindow.setClientApiContext(Xrm, formContext));
}
