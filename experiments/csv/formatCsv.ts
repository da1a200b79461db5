import { stringify } from "csv-stringify/sync";

/**
 * CSV text from uniform records: one header row (the first record's keys, or `columns`), one row per
 * record, `\n` line ends. Written by csv-stringify, which quotes what needs quoting (commas, quotes,
 * line ends; `quoted_match` adds a lone `\r`, which it would otherwise leave bare) and, with `escape_formulas`, prefixes a text cell that starts with
 * `=`, `+`, `-`, `@`, tab or carriage return with `'` so a spreadsheet shows it instead of running it
 * (OWASP "CSV Injection"); numbers, negative ones included, are left as numbers. Null, undefined and
 * non-finite numbers are empty cells: no NaN or Infinity reaches a file.
 *
 * @example
 * formatCsv([{ step: "=cmd", count: -1 }]) // "step,count\n'=cmd,-1\n"
 */
export function formatCsv(records: readonly Record<string, unknown>[], columns?: readonly string[]): string {
  const header = columns ?? (records.length > 0 ? Object.keys(records[0]) : []);
  if (header.length === 0) return "";
  const rows = records.map((record) => header.map((column) => cellValue(record[column])));
  return stringify(rows, { header: true, columns: [...header], escape_formulas: true, record_delimiter: "unix", quoted_match: /\r/ });
}

function cellValue(value: unknown): unknown {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return Number.isFinite(value) ? value : "";
  return value;
}

/**
 * A cell as written, without the `'` formatCsv put before a leading `=`, `+`, `-`, `@`, tab or CR: what
 * a reader of formatCsv's output applies to get the original text back.
 */
export function unescapeFormula(cell: string): string {
  return /^'[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell;
}
