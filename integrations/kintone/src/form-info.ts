// What the settings screen offers to choose from: the form's Space fields and the fields whose text Koe can read,
// fetched with kintone.api from the form as being edited (the preview endpoints, so fields not yet deployed count too).
//   GET /k/v1/preview/app/form/fields.json  cybozu.dev /ja/kintone/docs/rest-api/apps/form/get-form-fields/
//   GET /k/v1/preview/app/form/layout.json  cybozu.dev /ja/kintone/docs/rest-api/apps/form/get-form-layout/

export interface FieldChoice {
  code: string;
  label: string;
}

export interface FormChoices {
  /** Element IDs of the Space fields. */
  spaces: string[];
  /** Fields whose value reads as one line of text (the context fields). */
  textFields: FieldChoice[];
  /** Fields that hold longer text (an email or chat body) for <koe-snippet>. */
  bodyFields: FieldChoice[];
}

interface LayoutField {
  type: string;
  elementId?: string;
}
interface LayoutRow {
  type: 'ROW' | 'GROUP' | 'SUBTABLE';
  fields?: LayoutField[];
  layout?: LayoutRow[];
}

const TEXT_TYPES = new Set(['SINGLE_LINE_TEXT', 'NUMBER', 'CALC', 'RADIO_BUTTON', 'DROP_DOWN', 'LINK', 'RECORD_NUMBER', 'USER_SELECT', 'ORGANIZATION_SELECT', 'CHECK_BOX', 'MULTI_SELECT']);
const BODY_TYPES = new Set(['MULTI_LINE_TEXT', 'RICH_TEXT', 'SINGLE_LINE_TEXT']);

/** Every Space field's element ID, including those inside groups. */
export function spaceIds(layout: LayoutRow[]): string[] {
  return layout.flatMap((row) => [
    ...(row.fields ?? []).filter((f) => f.type === 'SPACER' && f.elementId).map((f) => f.elementId!),
    ...(row.type === 'GROUP' ? spaceIds(row.layout ?? []) : []),
  ]);
}

/** The top-level fields (a table's fields are not on the record screen one by one), by kind, in label order. */
export function fieldChoices(properties: Record<string, { type: string; code: string; label: string }>): Omit<FormChoices, 'spaces'> {
  const fields = Object.values(properties).sort((a, b) => a.label.localeCompare(b.label, 'ja'));
  const pick = (types: Set<string>) => fields.filter((f) => types.has(f.type)).map(({ code, label }) => ({ code, label }));
  return { textFields: pick(TEXT_TYPES), bodyFields: pick(BODY_TYPES) };
}

export async function loadFormChoices(): Promise<FormChoices> {
  const params = { app: kintone.app.getId() };
  const [fields, layout] = await Promise.all([
    kintone.api(kintone.api.url('/k/v1/preview/app/form/fields.json', true), 'GET', params),
    kintone.api(kintone.api.url('/k/v1/preview/app/form/layout.json', true), 'GET', params),
  ]);
  return { spaces: spaceIds(layout.layout), ...fieldChoices(fields.properties) };
}
