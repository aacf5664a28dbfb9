// A host page for the standalone files: a same-origin frame whose Koe script the test adds when it chooses, as a CMS,
// kintone or a tag manager adds it. The files come from scripts/wtr-standalone-plugin.mjs, built by bundleStandalone()
// (what `npm run build` ships) and served from opaque upload URLs.
import { resetWorld } from '../world.js';

/** An opaque upload directory, as a CMS or kintone gives for an uploaded file. */
export const UPLOADS = '/uploads/7c1e9a2b';
/** Another upload of the same version (a second kintone customization carrying its own copy). */
export const SECOND_UPLOAD = '/uploads/second-copy';
/** A copy of another version (an older customization): the plugin builds it with version OTHER_VERSION. */
export const OTHER_UPLOAD = '/uploads-other-version/9d41e0c7';
/** scripts/wtr-standalone-plugin.mjs's OTHER_VERSION, written out: this module runs in the browser, the plugin in Node. */
export const OTHER_VERSION = '0.0.0-other';

/**
 * Mocha hooks for a suite of host pages, called in its describe(): the standalone `files` it loads are built before its
 * tests (the first request of each builds it, about a second each, more under load), each test starts in a clean world,
 * and the page a test opened is closed after it.
 */
export function hostPages(files: string[]): { open: typeof HostPage.open; load: typeof HostPage.load } {
  let page: HostPage | undefined;
  before(async function () {
    this.timeout(120_000);
    for (const url of files) {
      const response = await fetch(url);
      if (!response.ok) throw new Error(`${url}: ${response.status} ${await response.text()}`);
    }
  });
  beforeEach(resetWorld);
  afterEach(() => page?.close());
  return { open: async (body, lang) => (page = await HostPage.open(body, lang)), load: async (src) => (page = await HostPage.load(src)) };
}

export class HostPage {
  /** What the page's copies of Koe said with console.warn. */
  readonly warnings: string[] = [];
  /** Uncaught errors and rejections in the page (a script that throws while it runs reports here). */
  readonly errors: string[] = [];

  private constructor(readonly frame: HTMLIFrameElement) {
    const win = this.window;
    const warn = win.console.warn.bind(win.console);
    win.console.warn = (...args: unknown[]) => {
      this.warnings.push(args.map(String).join(' '));
      warn(...args);
    };
    win.addEventListener('error', (e) => this.errors.push(e.message));
    win.addEventListener('unhandledrejection', (e) => this.errors.push(String(e.reason)));
  }

  /** Opens `body` (the page's markup) in a frame of this document, with `lang`. */
  static open(body: string, lang = 'ja'): Promise<HostPage> {
    return HostPage.#inFrame((frame) => {
      frame.srcdoc = `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>Host page</title></head><body>${body}</body></html>`;
    });
  }

  /** Opens the page at `src`: a URL of its own, for what depends on the page's origin (a CSP's 'self'; Firefox gives a srcdoc none). */
  static load(src: string): Promise<HostPage> {
    return HostPage.#inFrame((frame) => {
      frame.src = src;
    });
  }

  static async #inFrame(navigate: (frame: HTMLIFrameElement) => void): Promise<HostPage> {
    const frame = document.createElement('iframe');
    frame.style.width = '640px';
    frame.style.height = '720px';
    const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
    navigate(frame);
    document.body.append(frame);
    await loaded;
    return new HostPage(frame);
  }

  get window(): Window & typeof globalThis {
    return this.frame.contentWindow as Window & typeof globalThis;
  }

  get document(): Document {
    return this.frame.contentDocument!;
  }

  /** Adds `<script src>` (classic, or `type="module"`) to the page's head and waits until it has run. */
  async addScript(src: string, { module = false } = {}): Promise<void> {
    const script = this.document.createElement('script');
    if (module) script.type = 'module';
    script.src = src;
    await new Promise<void>((resolve, reject) => {
      script.addEventListener('load', () => resolve(), { once: true });
      script.addEventListener('error', () => reject(new Error(`${src} did not load`)), { once: true });
      this.document.head.append(script);
    });
  }

  /** Path and query of every script file the page fetched (Resource Timing): a standalone file must be the only one. */
  scriptsFetched(): string[] {
    return this.window.performance
      .getEntriesByType('resource')
      .map((entry) => new URL(entry.name))
      .filter((url) => url.pathname.endsWith('.js'))
      .map((url) => url.pathname + url.search);
  }

  /** The version of Koe whose class is registered for `tag` (set by the build from package.json). */
  versionOf(tag: string): string | undefined {
    return (this.window.customElements.get(tag) as { koeVersion?: string } | undefined)?.koeVersion;
  }

  close(): void {
    this.frame.remove();
  }
}
