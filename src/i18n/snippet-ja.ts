// Strings of <koe-snippet>, in Japanese.
import type { SnippetStrings } from './snippet.js';

export const snippetJa: SnippetStrings = {
  snippetButton: '顧客の声として保存',
  snippetShortcut: 'テキストを選んで Alt+Shift+V でも保存できます。',
  snippetDialogTitle: '選択したテキストを顧客の声として保存',
  snippetTargetMissing: (selector) => `for 属性の「${selector}」に当たる要素がページにありません。`,
  snippetFormUnavailable: 'フォームを読み込めませんでした。接続を確認して、もう一度お試しください（選択したテキストはページにそのまま残っています）。',
  close: '閉じる',
};
