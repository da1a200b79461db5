import { defineCommand } from "citty";
import { type ReportDocument, ReportInputError, type ReportOptions, readReportFile, renderReport, toReportDocument } from "../../reports/index.ts";
import { buildWhatIfWorker } from "../build/index.ts";
import { artifactsBesideReport } from "./artifactsBesideReport.ts";
import { minEffectOption, rejectUnknownOptions } from "./options.ts";
import { printNext } from "./printNext.ts";
import { reportArgs as args, DEFAULT_REPORT_PATH } from "./reportArgs.ts";
import { UsageError } from "./UsageError.ts";
import { checkOutputPaths, writeFileAtomic } from "./writeFileAtomic.ts";

export { DEFAULT_REPORT_PATH };

/** `report <results.json ...>`: one self-contained HTML report from one or more results files. */
export const reportCommand = defineCommand({
  meta: { name: "report" },
  args,
  run({ args: parsed, rawArgs }) {
    rejectUnknownOptions(rawArgs, args);
    checkOutputPaths(parsed.out);
    const paths = parsed._.map(String);
    if (paths.length === 0) throw new UsageError("invalid results: missing (give at least one results file)");
    if (typeof parsed.title === "boolean" || parsed.title === "") throw new UsageError("invalid --title: missing value (must be text)");
    const documents = asUsageErrors(() => paths.map((path) => readReportFile(path)));
    const outPath = typeof parsed.out === "string" && parsed.out !== "" ? parsed.out : DEFAULT_REPORT_PATH;
    writeDocuments(documents, outPath, { title: parsed.title, minimumRelativeEffect: minEffectOption(parsed.minEffect) });
    process.stdout.write(`report written to ${outPath}\n`);
    printNext(`open ${outPath}`);
  },
});

/**
 * Renders results documents already in memory (e.g. `{ stamp, results }` from simulate, for its
 * `--report` flag) and writes the HTML atomically. Documents are validated first; a bad one is a
 * UsageError (exit 2) and nothing is written.
 */
export function writeReport(documents: readonly unknown[], outPath: string, options: ReportOptions & { sources?: readonly string[] } = {}): void {
  const parsed = asUsageErrors(() => documents.map((data, index) => toReportDocument(data, options.sources?.[index] ?? `document ${index + 1}`)));
  writeDocuments(parsed, outPath, options);
}

function writeDocuments(documents: readonly ReportDocument[], outPath: string, options: ReportOptions): void {
  // Only a store or chat-only run with its model at hand gets a what-if panel: bundle the simulator just then.
  const whatIf =
    options.whatIfPanels?.some((panel) => panel !== undefined) === true ||
    documents.some(
      (document) => (document.body.kind === "chatOnly" || document.body.kind === "store") && document.scenario?.model?.kind === document.body.kind,
    );
  writeFileAtomic(
    outPath,
    renderReport(artifactsBesideReport(documents, outPath), {
      title: options.title,
      minimumRelativeEffect: options.minimumRelativeEffect,
      whatIfWorkerSource: whatIf ? buildWhatIfWorker() : undefined,
      whatIfPolicies: options.whatIfPolicies,
      whatIfPanels: options.whatIfPanels,
    }),
  );
}

function asUsageErrors<T>(run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (error instanceof ReportInputError) throw new UsageError(error.message);
    throw error;
  }
}
