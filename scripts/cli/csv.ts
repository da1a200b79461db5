/** Tidy CSV from uniform records: one header row, one row per record; nulls are empty cells. */
export function toCsv(records: readonly Record<string, unknown>[]): string {
  if (records.length === 0) return "";
  const columns = Object.keys(records[0]);
  const cell = (value: unknown): string => {
    if (value === null || value === undefined) return "";
    const text = typeof value === "number" ? (Number.isFinite(value) ? String(value) : "") : String(value);
    return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  return `${[columns.join(","), ...records.map((record) => columns.map((column) => cell(record[column])).join(","))].join("\n")}\n`;
}
