import { existsSync, readFileSync } from "node:fs";
import { DEFAULT_LOCALE } from "../experiments/format/index.ts";
import { loadScenario } from "../experiments/index.ts";
import { isTeamFiguresCsv, parseTeamFiguresCsv } from "./parseTeamFiguresCsv.ts";
import { ReportInputError } from "./ReportInputError.ts";
import { parseReportDocument, type ReportDocument, type ScenarioInfo } from "./reportDocument.ts";

/** Reads and validates one results file (JSON, or the live store's team export as CSV, told by its header); throws ReportInputError for a missing file, bad JSON or an unusable document. */
export function readReportFile(path: string): ReportDocument {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === "ENOENT" ? "no such file" : code === "EISDIR" ? "is a directory" : String((error as Error).message);
    throw new ReportInputError([`cannot read results file ${path}: ${reason}`]);
  }
  if (isTeamFiguresCsv(text)) return toReportDocument(parseTeamFiguresCsv(text, path), path);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new ReportInputError([`invalid results file ${path}: JSON syntax error: ${(error as Error).message.split("\n")[0]}`]);
  }
  return toReportDocument(data, path);
}

/**
 * Validates a results document already in memory (e.g. `{ stamp, results }` from simulate) and adds
 * the scenario's description and currency from `stamp.scenarioPath` when that file still loads.
 */
export function toReportDocument(data: unknown, source: string): ReportDocument {
  const document = parseReportDocument(data, source);
  const path = document.stamp?.scenarioPath;
  return typeof path === "string" ? { ...document, scenario: scenarioInfo(path) } : document;
}

/** Description and currency of a scenario file, or null when it is gone or no longer valid (the report then omits them). */
export function scenarioInfo(path: string): ScenarioInfo | null {
  if (!existsSync(path)) return null;
  try {
    const { scenario, config, hash } = loadScenario(path);
    return {
      description: scenario.description ?? "",
      currency: scenario.currency ?? "USD",
      locale: scenario.report?.locale ?? DEFAULT_LOCALE,
      model: config,
      hash,
    };
  } catch {
    return null;
  }
}
