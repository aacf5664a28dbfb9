// The wire enums as local lists, so the form's first load does not pull in zod (the schema loads on idle).
import { intakeJa } from '../i18n/intake-ja.js';

/**
 * The keys of a label object, in its order. The Japanese labels ship with the element, and `IntakeStrings`
 * types each label object as a Record over the schema's values, so no value is missing and none is extra.
 */
const keysOf = <K extends string>(labels: Record<K, string>): readonly K[] => Object.keys(labels) as K[];

// The order of the keys in intake-ja.ts is the order the form shows the choices in.
export const VOICE_KINDS = keysOf(intakeJa.kinds);
export const CHANNELS = keysOf(intakeJa.channels);
export const PERMISSIONS = keysOf(intakeJa.permissions);
