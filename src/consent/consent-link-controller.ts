// Link resolution for <koe-consent>, as a reactive controller (as Shoelace's FormControlController is for its forms):
// reads the `request`/`withdraw` properties or the link in the URL fragment, and follows `hashchange`.
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Locale } from '../i18n/locale.js';
import { noticeWording, withdrawWording } from './consent-loaders.js';
import { resolveSource, type LinkSource } from './link-source.js';
import { buildNoticeWith, buildWithdrawalNoticeWith, type Notice } from './notice-template.js';
import { isoWithOffset } from './time.js';

/** What the controller reads from its element. */
export interface ConsentLinkHost extends ReactiveControllerHost {
  mode: string;
  request?: unknown;
  withdraw?: unknown;
}

export interface ConsentLinkOptions {
  /** Whether the page is a secure context (the notice hash needs SubtleCrypto). */
  secureContext(): boolean;
  /** A link has been read: the element starts a fresh form for it. */
  onRead(source: LinkSource): void;
}

/** The inputs a link was read from: mode, request, withdraw and the URL fragment. */
type LinkInputKey = readonly [mode: string, request: unknown, withdraw: unknown, hash: string];

export class ConsentLinkController implements ReactiveController {
  /** What the element shows; undefined until the link has been read. */
  source?: LinkSource;
  /** When the link was read and its notice presented (ISO 8601 with offset): the record's `presentedAt`. */
  presentedAt = '';

  readonly #host: ConsentLinkHost;
  readonly #options: ConsentLinkOptions;
  #hash = typeof location !== 'undefined' ? location.hash : '';
  /** What `source` was read from: reading the same inputs again is skipped, and keeps the signer's form. */
  #readFrom?: LinkInputKey;

  constructor(host: ConsentLinkHost, options: ConsentLinkOptions) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  hostConnected(): void {
    window.addEventListener('hashchange', this.#handleHashChange);
  }

  hostDisconnected(): void {
    window.removeEventListener('hashchange', this.#handleHashChange);
  }

  /** Reads the link (call from willUpdate on the first update, and when `mode`, `request` or `withdraw` changed). */
  read(): void {
    const host = this.#host;
    const from: LinkInputKey = [host.mode, host.request, host.withdraw, this.#hash];
    if (this.source && this.#readFrom?.every((input, i) => input === from[i])) return;
    this.#readFrom = from;
    this.source = resolveSource({ mode: host.mode, request: host.request, withdraw: host.withdraw, hash: this.#hash, secure: this.#options.secureContext() });
    this.presentedAt = isoWithOffset();
    this.#options.onRead(this.source);
  }

  /** The notice for the link, in `lang`, once its wording is here: the view renders this object, and signing hashes it. */
  notice(lang: Locale): Notice | undefined {
    const { request, withdrawal } = this.source ?? {};
    if (withdrawal) {
      const wording = withdrawWording[lang].get();
      return wording && buildWithdrawalNoticeWith(withdrawal, wording);
    }
    const wording = noticeWording[lang].get();
    return request && wording ? buildNoticeWith(request, wording) : undefined;
  }

  readonly #handleHashChange = (): void => {
    this.#hash = location.hash;
    this.read();
    this.#host.requestUpdate();
  };
}
