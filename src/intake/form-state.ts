// Form defaults, the channel remembered per reporter, and the state the element reflects.
import { CHANNELS } from './vocab.js';
import type { KoeContext } from '../core/config.js';
import type { Channel, FieldErrors, IntakeFormValue, IntakePrefill } from './payload.js';

export type IntakeState = 'empty' | 'editing' | 'invalid' | 'submitting' | 'sent' | 'queued' | 'needs-attention' | 'config-error';

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

/**
 * Defaults chosen for the one-minute path: quote, the channel this reporter used last (`remembered`, read with
 * rememberedChannel() once the first render is on screen: localStorage blocks), permission not yet asked.
 */
export function freshForm(prefill: IntakePrefill | undefined, ctx: Pick<KoeContext, 'contactName'>, remembered?: Channel): IntakeFormValue {
  return {
    text: prefill?.text ?? '',
    kind: prefill?.kind ?? 'quote',
    tags: [...(prefill?.tags ?? [])],
    channel: prefill?.channel ?? remembered ?? (prefill?.fromSelection ? 'email' : 'meeting'),
    permission: 'unknown',
    contactName: ctx.contactName ?? '',
    contactTitle: '',
    companyName: '',
    reporterName: '',
  };
}

/** `form` with the channel this reporter used last, unless the prefill names one (read after the first paint: localStorage blocks). */
export function withRememberedChannel(form: IntakeFormValue, ctx: Pick<KoeContext, 'reporterId' | 'reporterName'>, prefill?: IntakePrefill): IntakeFormValue {
  const remembered = prefill?.channel ? undefined : rememberedChannel(ctx);
  return remembered ? { ...form, channel: remembered } : form;
}

/** The `state` attribute: what the form is showing, for styling and tests. */
export function stateOf(blocked: boolean, phase: 'form' | 'submitting' | 'sent' | 'queued', editing: boolean, errors: FieldErrors, text: string): IntakeState {
  if (blocked) return 'config-error';
  if (phase !== 'form') return phase;
  if (editing) return 'needs-attention';
  if (Object.keys(errors).length > 0) return 'invalid';
  return text.trim() === '' ? 'empty' : 'editing';
}
