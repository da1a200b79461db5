// The published figures the shipped defaults and the calibration tests are anchored to. The data
// lives in publishedFigures.json inside this repository (one entry per figure, each with its source),
// so a clone needs nothing outside its own tree.
import figures from "./publishedFigures.json" with { type: "json" };

/** One published figure: its value, unit, meaning and where it was published. */
export interface PublishedFigure {
  readonly value: unknown;
  readonly unit?: string;
  readonly meaning?: string;
  readonly source: string;
  readonly note?: string;
  /** How an ambiguous figure is read here (e.g. `percentagePoints`), explained in `note`. */
  readonly reading?: string;
}

/** Every published figure by id (e.g. `cartAbandonment.average`). */
export const PUBLISHED_FIGURES: Readonly<Record<string, PublishedFigure>> = figures.figures;

/**
 * The figure with this id; throws for an unknown id, so a typo in a test or a citation fails loudly.
 *
 * @example
 * publishedFigure("funnel.averageOrderValue").value; // 130
 */
export function publishedFigure(id: string): PublishedFigure {
  const figure = PUBLISHED_FIGURES[id];
  if (figure === undefined) throw new Error(`unknown published figure: ${id}`);
  return figure;
}
