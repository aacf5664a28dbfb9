// The wire enums as local lists, so the form's first load does not pull in zod (the schema loads on idle).
import type { IntakeSubmission } from '../core/schemas.js';

export const VOICE_KINDS = ['quote', 'paraphrase', 'observation'] as const satisfies ReadonlyArray<IntakeSubmission['voice']['kind']>;
export const CHANNELS = ['meeting', 'call', 'email', 'chat', 'support', 'event', 'other'] as const satisfies ReadonlyArray<IntakeSubmission['channel']>;
export const PERMISSIONS = ['unknown', 'internal-only', 'anonymous-ok', 'named-ok'] as const satisfies ReadonlyArray<IntakeSubmission['permission']>;

// Compile-time proof that no schema value is missing from the lists above.
type Exhaustive<All, Listed> = [Exclude<All, Listed>] extends [never] ? true : never;
export const VOCAB_IS_EXHAUSTIVE: [
  Exhaustive<IntakeSubmission['voice']['kind'], (typeof VOICE_KINDS)[number]>,
  Exhaustive<IntakeSubmission['channel'], (typeof CHANNELS)[number]>,
  Exhaustive<IntakeSubmission['permission'], (typeof PERMISSIONS)[number]>,
] = [true, true, true];
