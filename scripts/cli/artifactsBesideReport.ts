import { copyFileSync, existsSync, mkdirSync } from "node:fs";
import { basename, dirname, join, relative, resolve } from "node:path";
import type { ReportDocument } from "../../reports/index.ts";

/**
 * Copies the screenshots and traces a synthetic check refers to into a folder beside the report
 * (`<report name>-artifacts/`) and points the documents at the copies, relative to the report, so
 * the paths resolve wherever the report and its folder are opened. Paths in the results are
 * relative to where `check` ran (`cwd`); a file that is gone keeps its path. Other documents pass through.
 */
export function artifactsBesideReport(documents: readonly ReportDocument[], outPath: string, cwd = process.cwd()): ReportDocument[] {
  const reportDir = dirname(resolve(cwd, outPath));
  const folder = join(reportDir, `${basename(outPath).replace(/\.html?$/i, "")}-artifacts`);
  return documents.map((document) => {
    const body = document.body;
    if (body.kind !== "syntheticCheck") return document;
    const copy = (path: string | undefined): string | undefined => {
      if (path === undefined) return undefined;
      const source = resolve(cwd, path);
      if (!existsSync(source)) return path;
      mkdirSync(folder, { recursive: true });
      const target = join(folder, basename(source));
      if (resolve(target) !== source) copyFileSync(source, target);
      return relative(reportDir, target);
    };
    const checks = body.checks.map((record) => {
      const screenshot = copy(record.artifacts.screenshot);
      const trace = copy(record.artifacts.trace);
      return { ...record, artifacts: { ...(screenshot === undefined ? {} : { screenshot }), ...(trace === undefined ? {} : { trace }) } };
    });
    return { ...document, body: { ...body, checks } };
  });
}
