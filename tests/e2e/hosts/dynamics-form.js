// The form's OnLoad: calls the handler the example registers (examples/dynamics/form_onload.js) with an execution context.
/* global form_onload */
form_onload({
  getFormContext: function () {
    return window.dynamicsFormContext;
  },
});
