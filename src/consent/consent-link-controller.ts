// Link resolution for <koe-consent>, as a reactive controller (as Shoelace's FormControlController is for its forms):
// reads the `request`/`withdraw` properties or the link in the URL fragment, follows `hashchange`, and reads again
// when the network comes back if the link reader could not be fetched.
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { yieldToMain } from '../core/scheduling.js';
import type { Locale } from '../i18n/locale.js';
import { noticeWording, signingPage, withdrawWording, type SigningPage } from './consent-loaders.js';
import type { LinkSource } from './link-source.js';
import type { Notice } from './notice-template.js';

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
  /** The link reader is being fetched: a chance to fetch what will be shown next in parallel. */
  onFetching?(): void;
}

/** The inputs a link was read from: mode, request, withdraw and the URL fragment. */
type LinkInputKey = readonly [mode: string, request: unknown, withdraw: unknown, hash: string];

export class ConsentLinkController implements ReactiveController {
  /** What the element shows; undefined until the link has been read. */
  source?: LinkSource;
  /** When the link was read and its notice presented (ISO 8601 with offset): the record's `presentedAt`. */
  presentedAt = '';
  /** Settles when the link has been read (the first time, after the link reader has arrived); undefined when nothing is pending. */
  reading?: Promise<void>;

  readonly #host: ConsentLinkHost;
  readonly #options: ConsentLinkOptions;
  #hash = typeof location !== 'undefined' ? location.hash : '';
  /** What `source` was read from: reading the same inputs again is skipped (the link check is the costly part). */
  #readFrom?: LinkInputKey;

  constructor(host: ConsentLinkHost, options: ConsentLinkOptions) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  hostConnected(): void {
    window.addEventListener('hashchange', this.#handleHashChange);
    window.addEventListener('online', this.#handleOnline);
    // The link reader is what the first useful view needs: its fetch starts as the element arrives, not a task later
    // when the first update reads the link.
    if (!signingPage.get()) {
      this.#options.onFetching?.();
      signingPage.load().catch(() => undefined);
    }
  }

  hostDisconnected(): void {
    window.removeEventListener('hashchange', this.#handleHashChange);
    window.removeEventListener('online', this.#handleOnline);
  }

  /** Reads the link again (call from willUpdate when `mode`, `request` or `withdraw` changed): at once when the reader is here. */
  read(): void {
    const page = signingPage.get();
    if (page) return this.#apply(page);
    this.#options.onFetching?.();
    const reading: Promise<void> = signingPage.load().then(
      async (loaded) => {
        if (this.reading !== reading) return;
        this.#apply(loaded);
        // The link check and the view it brings are each a task's work, not one long task.
        await yieldToMain();
        if (this.reading !== reading) return;
        this.reading = undefined;
        this.#host.requestUpdate();
      },
      () => {
        // Offline before the reader arrived: the element keeps saying "loading"; `online` tries again.
        if (this.reading === reading) this.reading = undefined;
      },
    );
    this.reading = reading;
  }

  /**
   * Before the first render: a task later, if the link reader has arrived by then (the standalone file has it inside,
   * a page may have loaded it before), reads the link in that task, so the first render (notice and form) comes in a
   * task of its own. Otherwise the first render says "loading", and the link is read when the reader arrives.
   */
  async readBeforeFirstRender(): Promise<void> {
    await yieldToMain();
    if (signingPage.get()) this.read();
  }

  /** The notice for the link, in `lang`, once its wording is here: the view renders this object, and signing hashes it. */
  notice(lang: Locale): Notice | undefined {
    const page = signingPage.get();
    const { request, withdrawal } = this.source ?? {};
    if (!page) return undefined;
    if (withdrawal) {
      const wording = withdrawWording[lang].get();
      return wording && page.buildWithdrawalNoticeWith(withdrawal, wording);
    }
    const wording = noticeWording[lang].get();
    return request && wording ? page.buildNoticeWith(request, wording) : undefined;
  }

  #apply(page: SigningPage): void {
    const host = this.#host;
    const from: LinkInputKey = [host.mode, host.request, host.withdraw, this.#hash];
    if (this.source && this.#readFrom?.every((input, i) => input === from[i])) return;
    this.#readFrom = from;
    this.source = page.resolveSource({ mode: host.mode, request: host.request, withdraw: host.withdraw, hash: this.#hash, secure: this.#options.secureContext() });
    this.presentedAt = page.isoWithOffset();
    this.#options.onRead(this.source);
  }

  readonly #handleHashChange = (): void => {
    this.#hash = location.hash;
    this.read();
    this.#host.requestUpdate();
  };

  /** If the link could not be read for want of the network, read it when the network is back. */
  readonly #handleOnline = (): void => {
    if (signingPage.get() || this.reading) return;
    this.read();
    this.#host.requestUpdate();
  };
}
