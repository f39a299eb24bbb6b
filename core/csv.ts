/**
 * CSV for spreadsheets (RFC 4180): CRLF between records, a field quoted when it holds a comma,
 * a semicolon or a tab (the separators other locales read), a double quote, CR or LF, and
 * quotes inside doubled: a quoted `x;=1+1` stays one text cell wherever it is opened. A cell that a spreadsheet would read as
 * a formula (it starts with = + - @, a tab or a carriage return) gets a leading apostrophe, so
 * Excel, LibreOffice and Google Sheets show it as text (OWASP, "CSV Injection").
 */
const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",;\t\r\n]/;

export type Cell = string | number | boolean | null | undefined;

/** Neutralises a cell a spreadsheet would evaluate. */
export function escapeFormula(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

export function csvCell(value: Cell): string {
  if (value === null || value === undefined) return '';
  // Numbers are written by us, never by a user: a negative number stays a number.
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  const text = escapeFormula(value);
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvRow(cells: readonly Cell[]): string {
  return cells.map(csvCell).join(',');
}

/**
 * A whole document: header, rows, CRLF after every record. It starts with a UTF-8 byte order
 * mark because Excel otherwise reads UTF-8 as a legacy code page (curly quotes in labels).
 */
export function toCsv(header: readonly string[], rows: readonly (readonly Cell[])[]): string {
  return '\uFEFF' + [header, ...rows].map(csvRow).join('\r\n') + '\r\n';
}
