import { CHECK_NAMES, type SyntheticCheckResults } from "./checkResults.ts";

/** The run as a terminal summary: checks by kind, every failure and flaky check with its artifacts, the policy table, step timings. */
export function checkSummary(results: SyntheticCheckResults): string {
  const { summary } = results;
  const lines: string[] = [];
  lines.push(
    `check: ${results.profile.name} at ${results.store.url} · policy ${results.policy ?? "–"} · ${summary.personas} persona${summary.personas === 1 ? "" : "s"} · seed ${results.seed}`,
  );
  for (const name of CHECK_NAMES) {
    const counts = summary.byCheck[name];
    const parts = (["passed", "failed", "flaky", "skipped"] as const).filter((status) => counts[status] > 0).map((status) => `${counts[status]} ${status}`);
    lines.push(`  ${name.padEnd(15)} ${parts.join(", ") || "–"}`);
  }
  for (const status of ["failed", "flaky"] as const) {
    const records = results.checks.filter((check) => check.status === status);
    if (records.length === 0) continue;
    lines.push("", `${status}:`);
    for (const record of records) {
      lines.push(`  ${record.persona} ${record.check}: ${record.reason}`);
      const artifacts = [
        record.artifacts.screenshot && `screenshot ${record.artifacts.screenshot}`,
        record.artifacts.trace && `trace ${record.artifacts.trace}`,
      ].filter(Boolean);
      if (artifacts.length > 0) lines.push(`    ${artifacts.join(" · ")}`);
    }
  }
  const rows = results.policyConformance.rows;
  if (rows.length > 0) {
    lines.push("", `simulator vs live (tolerance ±${results.policyConformance.toleranceSeconds} s):`);
    lines.push(
      `  ${"step".padEnd(14)}${"trigger".padEnd(12)}${"windows".padStart(8)}${"predicted".padStart(11)}${"observed".padStart(10)}${"mean err".padStart(11)}${"max err".padStart(10)}`,
    );
    for (const row of rows) {
      const mean = row.meanTimingErrorSeconds === null ? "–" : `${row.meanTimingErrorSeconds >= 0 ? "+" : ""}${row.meanTimingErrorSeconds.toFixed(3)} s`;
      const max = row.maxTimingErrorSeconds === null ? "–" : `${row.maxTimingErrorSeconds.toFixed(3)} s`;
      lines.push(
        `  ${row.step.padEnd(14)}${row.trigger.padEnd(12)}${String(row.windows).padStart(8)}${String(row.predictedFires).padStart(11)}${String(row.observedFires).padStart(10)}${mean.padStart(11)}${max.padStart(10)}  ${row.agree ? "✓" : "✗"}`,
      );
    }
  }
  const timings = Object.entries(results.stepTimings);
  if (timings.length > 0) {
    lines.push("", `page loads (s):   ${"p50".padStart(7)}${"p95".padStart(8)}${"max".padStart(8)}`);
    for (const [step, timing] of timings)
      lines.push(`  ${step.padEnd(15)} ${timing.p50.toFixed(3).padStart(7)}${timing.p95.toFixed(3).padStart(8)}${timing.max.toFixed(3).padStart(8)}`);
  }
  for (const note of results.notes) lines.push("", `note: ${note}`);
  if (summary.interrupted) lines.push("", `interrupted: ${summary.personas} persona${summary.personas === 1 ? "" : "s"} reported, the rest not started`);
  const rate = summary.checkoutsPerMinute === null ? "" : ` · ${summary.checkoutsPerMinute.toFixed(1)} full checkouts/min`;
  lines.push(
    "",
    `${summary.failed === 0 ? "all checks passed" : `${summary.failed} check${summary.failed === 1 ? "" : "s"} failed`}${summary.flaky > 0 ? ` (${summary.flaky} flaky)` : ""} · ${summary.wallSeconds.toFixed(1)} s${rate}`,
  );
  return `${lines.join("\n")}\n`;
}
