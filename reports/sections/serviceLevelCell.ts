import { formatPercent } from "../../experiments/format/index.ts";
import type { Estimate } from "../inputTypes.ts";
import type { TableCell } from "../reportTypes.ts";
import { numberCell } from "../table.ts";

/**
 * A simulated service level as a table cell, "91% [86%, 96%]" in whole percentages (they keep the
 * schedule tables inside the page), marked ✗ and toned bad when its mean is below the target; "–"
 * for an interval without chats.
 */
export function serviceLevelCell(service: Estimate | null, target: number | null): TableCell {
  const percent = (value: number | null): string => formatPercent(value, 0);
  if (service === null) return numberCell(null, "–");
  const text = `${percent(service.mean)}${service.lower === null || service.upper === null ? "" : ` [${percent(service.lower)}, ${percent(service.upper)}]`}`;
  return target !== null && service.mean < target ? numberCell(service.mean, `✗ ${text}`, "bad") : numberCell(service.mean, text);
}
