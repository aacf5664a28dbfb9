// Form defaults, the channel remembered per reporter, and merging an edit into a refused submission.
import type { IntakeSubmission } from '../core/schemas.js';
import { CHANNELS } from './vocab.js';
import type { KoeContext } from '../core/config.js';
import type { Channel, IntakeFormValue, IntakePrefill } from './payload.js';

const CHANNEL_KEY = 'koe.intake.channel:';

function reporterKey(ctx: Pick<KoeContext, 'reporterId' | 'reporterName'>): string {
  return CHANNEL_KEY + (ctx.reporterId ?? ctx.reporterName ?? '');
}

/** The channel this reporter used last (localStorage; a preference, not a secret). */
export function rememberedChannel(ctx: Pick<KoeContext, 'reporterId' | 'reporterName'>): Channel | undefined {
  try {
    const value = localStorage.getItem(reporterKey(ctx));
    return CHANNELS.includes(value as Channel) ? (value as Channel) : undefined;
  } catch {
    return undefined;
  }
}

export function rememberChannel(ctx: Pick<KoeContext, 'reporterId' | 'reporterName'>, channel: Channel): void {
  try {
    localStorage.setItem(reporterKey(ctx), channel);
  } catch {
    // Storage blocked (private mode, policy): the default is good enough.
  }
}

/** Defaults chosen for the one-minute path: quote, the remembered channel, permission not yet asked. */
export function freshForm(prefill: IntakePrefill | undefined, ctx: Pick<KoeContext, 'reporterId' | 'reporterName' | 'contactName'>): IntakeFormValue {
  return {
    text: prefill?.text ?? '',
    kind: prefill?.kind ?? 'quote',
    tags: prefill?.tags ? [...prefill.tags] : [],
    channel: prefill?.channel ?? rememberedChannel(ctx) ?? (prefill?.fromSelection ? 'email' : 'meeting'),
    permission: 'unknown',
    contactName: ctx.contactName ?? '',
    contactTitle: '',
    companyName: '',
    reporterName: '',
  };
}

/** An edit of a refused submission keeps its id, time, origin and CRM context; only what the user edits changes. */
export function mergeResend(original: IntakeSubmission, edited: IntakeSubmission): IntakeSubmission {
  return {
    ...edited,
    id: original.id,
    createdAt: original.createdAt,
    locale: original.locale,
    origin: original.origin,
    deal: original.deal,
    leadSource: original.leadSource,
    custom: original.custom,
    customer: { ...edited.customer, companyId: original.customer.companyId },
    reporter: { id: original.reporter.id, name: edited.reporter.name ?? original.reporter.name },
  };
}
