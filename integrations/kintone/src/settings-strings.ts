// The plug-in settings screen's wording, in the kintone user's language (Japanese, else English).
import type { EndpointProblem } from '../../../src/core/endpoint.js';
import type { MappedField } from './config.js';

export interface SettingsStrings {
  title: string;
  intro: string;
  endpoint: string;
  endpointHelp: string;
  endpointProblem: Record<EndpointProblem, string>;
  space: string;
  spaceHelp: string;
  spaceMissing: string;
  noSpaces: string;
  mapping: string;
  mappingHelp: string;
  fields: Record<MappedField, string>;
  notUsed: string;
  choose: string;
  snippet: string;
  snippetHelp: string;
  locale: string;
  localeAuto: string;
  notOnForm: (code: string) => string;
  formUnavailable: string;
  fixErrors: (count: number) => string;
  save: string;
  cancel: string;
}

const ja: SettingsStrings = {
  title: 'Koe 顧客の声の設定',
  intro: 'レコード詳細画面のスペースに、顧客の声を登録するフォームを表示します。レコードの会社や商談の情報が自動で入り、登録者はログインユーザーになります。',
  endpoint: '送信先URL',
  endpointHelp: 'Koe の受信サーバーの登録用URLです（例：https://koe.example.com/api/intake）。',
  endpointProblem: {
    missing: '送信先URLを入力してください。',
    invalid: 'https:// で始まるURLを入力してください。',
    scheme: 'https:// で始まるURLを入力してください。',
    'insecure-http': '暗号化されていない http:// のURLは使えません。https:// で始まるURLを入力してください。',
    credentials: 'URLにユーザー名やパスワードを含めないでください。',
  },
  space: 'フォームを表示するスペース',
  spaceHelp: 'フォームの設定で配置したスペースフィールドの要素IDです。',
  spaceMissing: 'フォームを表示するスペースを選んでください。',
  noSpaces: 'このアプリのフォームに、要素IDを設定したスペースフィールドがありません。フォームの設定でスペースを配置し、要素IDを設定してください。',
  mapping: 'レコードのフィールドと顧客の声の項目の対応',
  mappingHelp: '選んだフィールドの値が、登録する顧客の声に自動で入ります。',
  fields: {
    companyId: '会社ID',
    companyName: '会社名',
    contactName: '先方担当者名',
    dealId: '商談ID',
    dealStage: '商談フェーズ',
    leadSource: 'リードソース',
  },
  notUsed: '（使わない）',
  choose: '選んでください',
  snippet: '文章を選んで顧客の声にできるフィールド',
  snippetHelp: 'メールやチャットの本文を入れているフィールドを選ぶと、その中で選択した文章をそのまま顧客の声として登録できます。',
  locale: '表示言語',
  localeAuto: 'ユーザーの言語設定に合わせる',
  notOnForm: (code) => `${code}（フォームにありません）`,
  formUnavailable: 'フォームのフィールドを読み込めませんでした。保存済みの設定だけを表示しています。ページを再読み込みしてください。',
  fixErrors: (count) => `${count}件の項目を確認してください。`,
  save: '保存する',
  cancel: 'キャンセル',
};

const en: SettingsStrings = {
  title: 'Koe customer voice settings',
  intro: "Shows a form for customers' words in a Space field of the record details screen. The record's company and deal fill in by themselves; the person filing is the logged-in user.",
  endpoint: 'Destination URL',
  endpointHelp: "The intake URL of your Koe receiver (e.g. https://koe.example.com/api/intake).",
  endpointProblem: {
    missing: 'Enter the destination URL.',
    invalid: 'Enter a URL that starts with https://.',
    scheme: 'Enter a URL that starts with https://.',
    'insecure-http': 'Unencrypted http:// URLs cannot be used. Enter a URL that starts with https://.',
    credentials: 'The URL must not contain a user name or password.',
  },
  space: 'Space that shows the form',
  spaceHelp: "The element ID of a Space field you placed in the app's form settings.",
  spaceMissing: 'Choose the Space that shows the form.',
  noSpaces: "This app's form has no Space field with an element ID. Place a Space in the form settings and give it an element ID.",
  mapping: "Record fields for the customer voice's details",
  mappingHelp: 'The values of the fields you choose are added to every customer voice filed from the record.',
  fields: {
    companyId: 'Company ID',
    companyName: 'Company name',
    contactName: 'Customer contact',
    dealId: 'Deal ID',
    dealStage: 'Deal stage',
    leadSource: 'Lead source',
  },
  notUsed: '(not used)',
  choose: 'Choose…',
  snippet: 'Field whose text can be saved by selecting it',
  snippetHelp: 'Choose the field that holds email or chat text: a sentence selected there can be filed as a customer voice as it is.',
  locale: 'Language',
  localeAuto: "The user's language setting",
  notOnForm: (code) => `${code} (not on the form)`,
  formUnavailable: "The form's fields could not be loaded; only the saved settings are shown. Reload the page.",
  fixErrors: (count) => (count === 1 ? 'Check 1 setting.' : `Check ${count} settings.`),
  save: 'Save',
  cancel: 'Cancel',
};

export const settingsStrings = (language: string): SettingsStrings => (language === 'ja' ? ja : en);
