/** A value of one CSV cell; numbers are written as they are, text is escaped. */
export type CsvValue = string | number | null | undefined;

// Spreadsheets run a cell that starts with one of these as a formula (OWASP "CSV injection");
// tab and carriage return are included because some programs strip them before checking.
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One cell as RFC 4180 text. Text that a spreadsheet would take for a formula gets a leading
 * apostrophe, so `=HYPERLINK(...)` in a holder's name is shown, never run.
 */
export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One CSV record with its CRLF line end. */
export function csvLine(values: CsvValue[]): string {
  return `${values.map(csvCell).join(',')}\r\n`;
}

/** A whole table as CSV text: a header line, then one line per row. */
export function csvTable(header: string[], rows: CsvValue[][]): string {
  return [header, ...rows].map(csvLine).join('');
}
