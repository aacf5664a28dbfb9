// CSV that Excel opens correctly in Japanese: UTF-8 with BOM, CRLF, RFC 4180 quoting, no formula injection.

export type CsvValue = string | number | boolean | null | undefined;

const BOM = '\uFEFF';
const CRLF = '\r\n';
/** Leading characters that make Excel/Sheets treat a cell as a formula (OWASP CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/** One cell: text that could start a formula gets a leading `'`, then RFC 4180 quoting where needed. */
export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  let text = typeof value === 'number' ? (Number.isFinite(value) ? String(value) : '') : String(value);
  if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`;
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** The whole file as a string: BOM first, CRLF after every record (including the last). */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvValue[])[]): string {
  const lines = [header, ...rows].map((row) => row.map(csvCell).join(','));
  return BOM + lines.join(CRLF) + CRLF;
}

/** Characters Windows and macOS refuse in file names, plus control characters. */
const UNSAFE_IN_NAME = /[\\/:*?"<>|\u0000-\u001f\u007f]/g;

/** `purpose_target_YYYYMMDD.csv` (local date), e.g. `顧客の声_事例候補_20261121.csv`. */
export function csvFileName(purpose: string, target: string, date: Date): string {
  const part = (s: string) => s.replace(UNSAFE_IN_NAME, '').replace(/\s+/g, '-').replaceAll('_', '-') || '-';
  const ymd = `${date.getFullYear()}${String(date.getMonth() + 1).padStart(2, '0')}${String(date.getDate()).padStart(2, '0')}`;
  return `${part(purpose)}_${part(target)}_${ymd}.csv`;
}

/** A Blob Excel recognises as UTF-8 CSV (the BOM is already in `csv`). */
export function csvBlob(csv: string): Blob {
  return new Blob([csv], { type: 'text/csv;charset=utf-8' });
}
