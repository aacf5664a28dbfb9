// The app the kintone-shaped test page shows: a deal record (商談管理) with Japanese field codes, as kintone apps have.
window.fakeKintoneApp = {
  id: 42,
  name: '商談管理',
  recordId: 108,
  user: {
    id: '7',
    code: 'sato',
    name: '佐藤 健一',
    email: 'sato@example.co.jp',
    url: '',
    employeeNumber: 'E-0007',
    phone: '',
    mobilePhone: '',
    extensionNumber: '',
    timezone: 'Asia/Tokyo',
    isGuest: false,
    // kintone's user language setting; ?lang=en shows the screens as an English-speaking user sees them.
    language: new URLSearchParams(location.search).get('lang') ?? 'ja',
  },
  // Field code → { type, label, value } in kintone's record format.
  fields: {
    会社ID: { type: 'SINGLE_LINE_TEXT', label: '会社ID', value: 'Ｃ－ＫＩＮ－００４２' },
    会社名: { type: 'SINGLE_LINE_TEXT', label: '会社名', value: '株式会社みらい工業' },
    先方担当者: { type: 'SINGLE_LINE_TEXT', label: '先方担当者', value: '高橋 美咲' },
    商談ID: { type: 'SINGLE_LINE_TEXT', label: '商談ID', value: 'D-2026-0108' },
    フェーズ: { type: 'DROP_DOWN', label: 'フェーズ', value: '提案' },
    流入経路: { type: 'RADIO_BUTTON', label: '流入経路', value: 'ウェブセミナー' },
    営業担当: { type: 'USER_SELECT', label: '営業担当', value: [{ code: 'sato', name: '佐藤 健一' }] },
    メール本文: {
      type: 'MULTI_LINE_TEXT',
      label: 'メール本文',
      value:
        '佐藤様\nいつもお世話になっております。みらい工業の高橋です。\n先日のデモで、現場の担当者から「これなら紙の日報をやめられる」という声が上がりました。\n来月の全社展開に向けて、見積もりをお願いできますでしょうか。',
    },
  },
  // The form layout as the REST API returns it: rows, a group, and the Space field (element ID "koe") for the form.
  layout: [
    { type: 'ROW', fields: [{ type: 'SINGLE_LINE_TEXT', code: '会社ID' }, { type: 'SINGLE_LINE_TEXT', code: '会社名' }] },
    { type: 'ROW', fields: [{ type: 'SINGLE_LINE_TEXT', code: '先方担当者' }, { type: 'USER_SELECT', code: '営業担当' }] },
    { type: 'ROW', fields: [{ type: 'SINGLE_LINE_TEXT', code: '商談ID' }, { type: 'DROP_DOWN', code: 'フェーズ' }, { type: 'RADIO_BUTTON', code: '流入経路' }] },
    { type: 'GROUP', code: 'やりとり', layout: [{ type: 'ROW', fields: [{ type: 'MULTI_LINE_TEXT', code: 'メール本文' }, { type: 'SPACER', elementId: 'koe' }] }] },
    { type: 'ROW', fields: [{ type: 'SPACER', elementId: 'memo' }, { type: 'HR', elementId: '' }] },
  ],
};
