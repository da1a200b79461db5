import type { TableCell } from "./reportTypes.ts";

/** A text cell, sorted by its text. */
export function textCell(text: string): TableCell {
  return { text };
}

/** A number cell: formatted text, sorted by the number (missing values sort last). */
export function numberCell(value: number | null, text: string, tone: TableCell["tone"] = null): TableCell {
  return { text, sortValue: value === null || !Number.isFinite(value) ? null : value, tone };
}
