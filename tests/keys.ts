// Key presses that work under every launcher we use, WebKit's WebDriver included.
// wtr's webdriver sendKeys only knows `press` and `type`, and `press: 'Shift+Tab'` types the letters;
// but a `type` string of WebDriver key codes is pressed together (all down, then all up): a chord.
import { sendKeys } from '@web/test-runner-commands';

export type Modifier = 'Control' | 'Meta' | 'Shift' | 'Alt';

/** WebDriver's normalised key codes (W3C WebDriver, "keyboard actions"). */
const WEBDRIVER_KEY: Record<string, string> = {
  Control: '\uE009',
  Shift: '\uE008',
  Alt: '\uE00A',
  Meta: '\uE03D',
  Enter: '\uE007',
  Tab: '\uE004',
  Escape: '\uE00C',
  Backspace: '\uE003',
  Space: '\uE00D',
  ArrowLeft: '\uE012',
  ArrowUp: '\uE013',
  ArrowRight: '\uE014',
  ArrowDown: '\uE015',
  Delete: '\uE017',
  Home: '\uE011',
  End: '\uE010',
};

/** True in WebKit (driven through WebKitWebDriver), false in Chromium and Firefox. */
export function isWebDriverWebKit(): boolean {
  const ua = navigator.userAgent;
  return /AppleWebKit/.test(ua) && !/Chrome|Chromium|Edg|Firefox/.test(ua);
}

/** The WebDriver character for a key name: named keys, `KeyV`/`Digit1` codes, or a single character. */
function webdriverKey(key: string): string {
  const code = /^Key([A-Z])$/.exec(key)?.[1]?.toLowerCase() ?? /^Digit(\d)$/.exec(key)?.[1];
  const found = WEBDRIVER_KEY[key] ?? code ?? (key.length === 1 ? key : undefined);
  if (!found) throw new Error(`chord(): no WebDriver code for "${key}"; add it to WEBDRIVER_KEY`);
  return found;
}

/**
 * Presses `key` while the modifier(s) are held (Ctrl+Enter, Alt+Shift+V…), as one real chord in every browser.
 * WebKitGTK reports Shift+Tab's keydown as key "Unidentified" (GTK's ISO_Left_Tab); focus still moves back.
 */
export async function chord(modifiers: Modifier | readonly Modifier[], key: string): Promise<void> {
  const held = typeof modifiers === 'string' ? [modifiers] : [...modifiers];
  if (isWebDriverWebKit()) {
    await sendKeys({ type: [...held.map((m) => WEBDRIVER_KEY[m]!), webdriverKey(key)].join('') });
    return;
  }
  const down: Modifier[] = [];
  try {
    for (const m of held) {
      await sendKeys({ down: m });
      down.push(m);
    }
    await sendKeys({ press: key });
  } finally {
    for (const m of down.reverse()) await sendKeys({ up: m });
  }
}
