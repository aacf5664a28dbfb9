// The customization's settings file, as the README shows it (the test receiver is on this page's origin).
window.koeKintone = {
  endpoint: `${location.origin}/api/intake`,
  spaceId: 'koe',
  fields: { companyId: '会社ID', companyName: '会社名', contactName: '先方担当者', dealId: '商談ID', dealStage: 'フェーズ', leadSource: '流入経路' },
  snippetField: 'メール本文',
  locale: 'auto',
};
