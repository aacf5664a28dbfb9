// Stands in for Dynamics 365's Client API on an opportunity form in the embed matrix: what the Dynamics example
// (examples/dynamics/) uses, shaped as Microsoft documents it (https://learn.microsoft.com/power-apps/developer/model-driven-apps/clientapi/reference):
// formContext.data.entity.getId() ('{GUID}') and getEntityName(), formContext.getAttribute(name).getValue() (a lookup is
// [{ id, name, entityType }]), formContext.getControl(name).getContentWindow() (a promise of the web resource's window),
// Xrm.Utility.getGlobalContext().userSettings ({ userId, userName, languageId }). One opportunity and one user
// (tests/e2e/embed-crm-widgets.mjs); the form runs its OnLoad handlers once the page has loaded (dynamics-form.js).
(function () {
  var opportunity = {
    name: '全社問い合わせ基盤の刷新',
    stepname: '2-提案',
    parentaccountid: [{ id: '{1B3C5D70-8B1A-EF11-9F89-000D3A5C5678}', name: 'ダイナミクス商事', entityType: 'account' }],
  };
  window.Xrm = {
    Utility: {
      getGlobalContext: function () {
        return { userSettings: { userId: '{9A8B7C60-1D2E-EF11-9F89-000D3A5C9012}', userName: '高橋 誠', languageId: 1041 } };
      },
    },
  };
  /** Resolves with the frame's window once its page has loaded. */
  function loadedWindow(frame) {
    return new Promise(function (resolve) {
      var done = function () {
        resolve(frame.contentWindow);
      };
      if (frame.contentDocument && frame.contentDocument.readyState === 'complete' && frame.contentWindow.location.href !== 'about:blank') done();
      else frame.addEventListener('load', done, { once: true });
    });
  }
  window.dynamicsFormContext = {
    data: {
      entity: {
        getId: function () {
          return '{6F2E1C40-8B1A-EF11-9F89-000D3A5C1234}';
        },
        getEntityName: function () {
          return 'opportunity';
        },
      },
    },
    getAttribute: function (name) {
      return name in opportunity
        ? {
            getValue: function () {
              return opportunity[name];
            },
          }
        : null;
    },
    getControl: function (name) {
      var frame = document.getElementById(name);
      return frame
        ? {
            getContentWindow: function () {
              return loadedWindow(frame);
            },
          }
        : null;
    },
  };
})();
