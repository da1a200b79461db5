import { mkdirSync, writeFileSync } from "node:fs";
import type { SyntheticCheckResults } from "../results/checkResults.ts";

/**
 * What each run produced, as a Markdown table in the artifacts: the record a reviewer reads to see
 * every fault mode with the check it failed and the reason given, without rerunning anything.
 */
export function writeOutcomeTable(folder: string, runs: Record<string, SyntheticCheckResults>): void {
  const rows = Object.entries(runs).flatMap(([name, results]) => {
    const notPassed = results.checks.filter((check) => check.status === "failed" || check.status === "flaky");
    if (notPassed.length === 0) return [`| ${name} | ${results.personas.length} | all passed | | |`];
    return notPassed.map(
      (check) =>
        `| ${name} | ${results.personas.length} | ${check.persona} ${check.check} ${check.status} | ${check.cause ?? ""} | ${check.reason.replaceAll("|", "\\|")} |`,
    );
  });
  mkdirSync(folder, { recursive: true });
  writeFileSync(`${folder}/outcomes.md`, ["| run | personas | check | cause | reason |", "|---|---|---|---|---|", ...rows, ""].join("\n"));
}
