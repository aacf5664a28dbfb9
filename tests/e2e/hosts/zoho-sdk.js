// Stands in for Zoho's JS SDK for widgets (https://live.zwidgets.com/js-sdk/1.2/ZohoEmbededAppSDK.min.js) in the embed
// matrix: the calls the Zoho example (examples/zoho/) makes, answering as Zoho documents them
// (https://www.zohocrm.dev/explore/widgets/v1.5/jssdk): PageLoad's data is { Entity, EntityId }, getRecord answers
// { data: [record] } (a deal's account is a lookup { id, name }), getCurrentUser answers { users: [user] }. In Zoho CRM
// these come from the CRM page by postMessage; here they are one deal and one user (tests/e2e/embed-crm-widgets.mjs).
(function () {
  var deal = {
    id: '5725767000000411001',
    Deal_Name: '全社問い合わせ基盤の刷新',
    Stage: '提案',
    Lead_Source: 'ウェブセミナー',
    Account_Name: { id: '5725767000000399001', name: 'ゾーホー物産' },
  };
  var user = { id: '5725767000000297001', full_name: '山本 花子', locale: 'ja_JP' };
  var handlers = {};
  window.ZOHO = {
    embeddedApp: {
      on: function (event, handler) {
        handlers[event] = handler;
      },
      init: function () {
        // The CRM page answers the widget's handshake, then sends PageLoad.
        setTimeout(function () {
          if (handlers.PageLoad) handlers.PageLoad({ Entity: 'Deals', EntityId: deal.id });
        });
        return Promise.resolve();
      },
    },
    CRM: {
      API: {
        getRecord: function (query) {
          return Promise.resolve({ data: query.Entity === 'Deals' && query.RecordID === deal.id ? [deal] : [] });
        },
      },
      CONFIG: {
        getCurrentUser: function () {
          return Promise.resolve({ users: [user] });
        },
      },
    },
  };
})();
