import { methodologyNotes, type ParameterEvidence, parameterEvidence } from "../../experiments/evidence/index.ts";
import type { SimulationResults } from "../../sim/model/index.ts";
import type { SectionBuilder, Table } from "../reportTypes.ts";
import { textCell } from "../table.ts";

/**
 * Methodology: where the behavioural parameters come from (published figure, calibrated to
 * published figures, or an assumption with its plausible range), from the source registry.
 */
export const methodologySection: SectionBuilder<SimulationResults> = (results, context) => {
  const evidence = parameterEvidence(results.kind);
  const notes = methodologyNotes(evidence);
  return {
    id: `${context.idPrefix}-methodology`,
    title: "Methodology",
    takeaway: notes[0],
    keyFigures: [],
    charts: [],
    tables: [sourcesTable(evidence, context.idPrefix)],
    notes: notes.slice(1),
  };
};

function sourcesTable(evidence: readonly ParameterEvidence[], idPrefix: string): Table {
  return {
    id: `${idPrefix}-sources`,
    caption: "Behavioural parameters and their sources (ids in experiments/evidence/publishedFigures.json)",
    columns: [
      { label: "Parameter", numeric: false },
      { label: "Basis", numeric: false, nowrap: true },
      { label: "Published figures or plausible range", numeric: false },
      { label: "How", numeric: false },
    ],
    rows: evidence.map((entry) => [
      textCell(entry.path),
      textCell(entry.kind),
      textCell(entry.kind === "assumption" && entry.range ? `${entry.range.low}-${entry.range.high}` : entry.figures.map((figure) => figure.id).join(", ")),
      textCell(entry.note),
    ]),
    sortable: true,
  };
}
