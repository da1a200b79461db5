import { CHAT_LIFT_TARGET, PARAMETER_SOURCES, type SourceKind } from "./parameterSources.ts";
import { publishedFigure } from "./publishedFigures.ts";

/** A cited figure as a results file carries it: id, value, unit and where it was published. */
export interface CitedFigure {
  readonly id: string;
  readonly value: unknown;
  readonly unit?: string;
  readonly reading?: string;
  readonly source: string;
}

/** One registry entry with its figures spelled out, for `simulate --json` and reports. */
export interface ParameterEvidence {
  readonly path: string;
  readonly kind: SourceKind;
  readonly figures: readonly CitedFigure[];
  readonly range?: { readonly low: number; readonly high: number };
  readonly note: string;
}

/**
 * Every parameter of a scenario format with its anchors, figures included, so a results file can be
 * read without the repository.
 */
export function parameterEvidence(mode: "store" | "chatOnly"): ParameterEvidence[] {
  return PARAMETER_SOURCES.filter((entry) => entry.mode === mode).map((entry) => ({
    path: entry.path,
    kind: entry.kind,
    figures: entry.figures.map((id) => {
      const { value, unit, reading, source } = publishedFigure(id);
      return { id, value, source, ...(unit === undefined ? {} : { unit }), ...(reading === undefined ? {} : { reading }) };
    }),
    ...(entry.range === undefined ? {} : { range: entry.range }),
    note: entry.note,
  }));
}

/**
 * The methodology paragraph of a report: how many parameters rest on published figures, on
 * calibration to them, or on assumptions (named, with their ranges), and how the chat lift is read.
 * Pure: the same evidence gives the same lines.
 *
 * @example
 * methodologyNotes(parameterEvidence("chatOnly"))[0] // "5 behavioural parameters: 3 published, 2 calibrated to published figures, 0 assumptions."
 */
export function methodologyNotes(evidence: readonly ParameterEvidence[]): string[] {
  const count = (kind: SourceKind) => evidence.filter((entry) => entry.kind === kind).length;
  const assumptions = evidence.filter((entry) => entry.kind === "assumption");
  const lines = [
    `${evidence.length} behavioural parameters: ${count("published")} published, ${count("calibrated")} calibrated to published figures, ${assumptions.length} assumptions.`,
  ];
  if (assumptions.length > 0) {
    lines.push(
      `Assumptions (plausible range): ${assumptions.map((entry) => `${entry.path} (${entry.range ? `${entry.range.low}-${entry.range.high}` : "no range"})`).join("; ")}.`,
    );
  }
  if (evidence.some((entry) => entry.figures.some((figure) => figure.id === CHAT_LIFT_TARGET.figure))) {
    lines.push(
      `Chat rescue is anchored to ${CHAT_LIFT_TARGET.figure}: ${CHAT_LIFT_TARGET.why}; the baseline's causal lift for chat users is kept within ${CHAT_LIFT_TARGET.lowPoints}-${CHAT_LIFT_TARGET.highPoints} points.`,
    );
  }
  return lines;
}
