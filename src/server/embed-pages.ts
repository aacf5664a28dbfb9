// The iframe embed pages, for hosts that show a page but run no script of ours (HubSpot, Zoho widgets, Dynamics web
// resources): GET /embed/intake.html and /embed/consent.html with their script and stylesheet, built into dist/embed by
// `npm run build` (sources: src/embed/). Self-contained so that any router can call it: `if (pages.matches(path)) …`.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { intakeEn } from '../i18n/intake-en.js';
import { intakeJa } from '../i18n/intake-ja.js';
import { firstLocale, type Locale } from '../i18n/locale.js';

export interface EmbedPagesOptions {
  /**
   * Origins (`https://crm.example.com`) whose pages may frame the embed pages and receive their koe-* events by
   * postMessage. Nothing else may frame them; '*' and anything that is not an origin are ignored.
   */
  parentOrigins?: readonly string[];
  /** The built pages (default: dist/embed of this package). */
  dir?: string;
}

export interface EmbedPages {
  /** Whether `path` (without query) is under /embed/; if so, `serve` answers it. */
  matches(path: string): boolean;
  serve(req: IncomingMessage, res: ServerResponse): Promise<void>;
}

const PREFIX = '/embed/';
const TYPES: Record<string, string> = {
  'intake.html': 'text/html; charset=utf-8',
  'consent.html': 'text/html; charset=utf-8',
  'intake.js': 'text/javascript; charset=utf-8',
  'consent.js': 'text/javascript; charset=utf-8',
  'embed.css': 'text/css; charset=utf-8',
};
const PARENTS_META = '<meta name="koe-embed-parent-origins" content="" />';
/** The intake page as built: Japanese, its early words box labelled as the form's words box is in Japanese. */
const BUILT_LANG = '<html lang="ja">';
const EARLY_LABEL = `<label for="early-words">${intakeJa.voiceLabel}</label>`;
const WORDS_LABEL: Record<Locale, string> = { ja: intakeJa.voiceLabel, en: intakeEn.voiceLabel };

/**
 * The language the page's script will choose when the fragment names none (the browser's, as `navigator.languages`
 * gives it), read from the request's Accept-Language: tags by their q-value, most preferred first.
 */
export function acceptedLocale(acceptLanguage: string | undefined): Locale {
  const tags = (acceptLanguage ?? '')
    .split(',')
    .map((entry, index) => {
      const [tag = '', ...params] = entry.split(';').map((part) => part.trim());
      const q = Number(/^q=([\d.]+)$/i.exec(params.find((p) => /^q=/i.test(p)) ?? 'q=1')?.[1] ?? 0);
      return { tag, q, index };
    })
    .filter(({ tag, q }) => tag && tag !== '*' && q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  return firstLocale(tags.map(({ tag }) => tag));
}

/**
 * The intake page in `locale`: its lang and its early words box's label are the form's own from the first byte, so the
 * label does not change language when the form takes the box over (the script sets the same lang from the browser).
 */
function intakePageIn(page: string, locale: Locale): string {
  if (locale === 'ja') return page;
  return page.replace(BUILT_LANG, `<html lang="${locale}">`).replace(EARLY_LABEL, `<label for="early-words">${WORDS_LABEL[locale]}</label>`);
}

/** dist/embed seen from the compiled module (dist/node/server/) or from the source (src/server/). */
function builtPagesDir(): string | undefined {
  const here = dirname(fileURLToPath(import.meta.url));
  return [join(here, '../../embed'), join(here, '../../dist/embed')].find((dir) => existsSync(join(dir, 'intake.html')));
}

/** Exact origins only: what `new URL(x).origin` gives back unchanged. */
function origins(list: readonly string[]): string[] {
  return list.filter((value) => {
    try {
      return new URL(value).origin === value && /^https?:/.test(value);
    } catch {
      return false;
    }
  });
}

/** The strict policy of the pages: our own script and styles only, Lit's Trusted Types policy, framed only by `parents`. */
export function embedPageCsp(parents: readonly string[]): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    `frame-ancestors ${["'self'", ...parents].join(' ')}`,
    "require-trusted-types-for 'script'",
    'trusted-types lit-html',
  ].join('; ');
}

function answer(res: ServerResponse, status: number, type: string, body: string | Buffer, headers: Record<string, string> = {}, head = false): void {
  res.writeHead(status, {
    'Content-Type': type,
    'Content-Length': String(Buffer.byteLength(body)),
    'Cache-Control': 'no-cache',
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'same-origin',
    ...headers,
  });
  res.end(head ? undefined : body);
}

export function createEmbedPages(options: EmbedPagesOptions = {}): EmbedPages {
  const parents = origins(options.parentOrigins ?? []);
  const csp = embedPageCsp(parents);
  // Attribute-safe by construction: origins hold no quotes, spaces or angle brackets.
  const parentsMeta = PARENTS_META.replace('content=""', `content="${parents.join(' ')}"`);

  return {
    matches: (path) => path.startsWith(PREFIX),
    serve: (req, res) =>
      servePage(req, res).catch((error: unknown) => {
        // Never a rejection into the router: an unreadable file is the server's problem, said plainly.
        console.error('[koe-receiver] embed page failed', error);
        if (!res.headersSent) answer(res, 500, 'text/plain; charset=utf-8', 'The embed page could not be read; see the receiver log.');
      }),
  };

  async function servePage(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = (req.url ?? '/').split('?')[0]!;
    const name = path.slice(PREFIX.length);
    const method = req.method ?? 'GET';
    if (method !== 'GET' && method !== 'HEAD') {
      return answer(res, 405, 'text/plain; charset=utf-8', `${method} is not supported on ${path}; use GET.`, { Allow: 'GET, HEAD' });
    }
    const type = TYPES[name];
    if (!type) {
      return answer(res, 404, 'text/plain; charset=utf-8', `There is no embed page at ${path}; the pages are /embed/intake.html and /embed/consent.html.`);
    }
    const dir = options.dir ?? builtPagesDir();
    const file = dir ? await readFile(join(dir, name)).catch(() => undefined) : undefined;
    if (!file) {
      return answer(res, 404, 'text/plain; charset=utf-8', `The embed pages are not built (${name} is missing): run \`npm run build\`.`);
    }
    const head = method === 'HEAD';
    if (!name.endsWith('.html')) return answer(res, 200, type, file, {}, head);
    let page = file.toString('utf8').replace(PARENTS_META, parentsMeta);
    const headers: Record<string, string> = { 'Content-Security-Policy': csp };
    if (name === 'intake.html') {
      page = intakePageIn(page, acceptedLocale(req.headers['accept-language']));
      headers['Vary'] = 'Accept-Language';
    }
    answer(res, 200, type, page, headers, head);
  }
}
