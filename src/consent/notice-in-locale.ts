// The notices in a locale, with both wordings at hand (for tests and for code that is not the element). <koe-consent>
// fetches one wording at a time (consent-loaders.ts) and builds with notice-template.ts, so it never imports this file.
import type { ConsentRequest } from '../core/schemas.js';
import type { Locale } from '../i18n/locale.js';
import { withdrawStrings } from '../i18n/withdraw.js';
import type { WithdrawLink } from './link-rules.js';
import { noticeEn } from './notice-en.js';
import { noticeJa } from './notice-ja.js';
import { buildNoticeWith, buildWithdrawalNoticeWith, type Notice } from './notice-template.js';

/** The case-study consent notice for `request`, in `locale`. */
export function buildNotice(request: ConsentRequest, locale: Locale): Notice {
  return buildNoticeWith(request, locale === 'ja' ? noticeJa : noticeEn);
}

/** The withdrawal notice in `locale`. */
export function buildWithdrawalNotice(withdrawal: WithdrawLink, locale: Locale): Notice {
  return buildWithdrawalNoticeWith(withdrawal, withdrawStrings[locale]);
}
