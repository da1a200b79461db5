import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseReportDocument } from "../../reports/index.ts";
import { syntheticCheckFixture } from "../../reports/testing/index.ts";
import { artifactsBesideReport } from "./artifactsBesideReport.ts";

describe("artifactsBesideReport", () => {
  it("artifactsBesideReport copies a check's screenshots and traces beside the report and points at them relative to it", () => {
    const cwd = mkdtempSync(join(tmpdir(), "convsim-artifacts-"));
    mkdirSync(join(cwd, "a"));
    writeFileSync(join(cwd, "a/persona0-money.png"), "png");
    writeFileSync(join(cwd, "a/persona0-trace.zip"), "zip");
    const document = parseReportDocument({ check: syntheticCheckFixture() }, "check.json");
    const [moved] = artifactsBesideReport([document], "out/report.html", cwd);
    const checks = (moved.body as unknown as { checks: Array<{ persona: string; check: string; artifacts: { screenshot?: string; trace?: string } }> }).checks;
    const record = (
      moved.body as unknown as { checks: Array<{ persona: string; check: string; artifacts: { screenshot?: string; trace?: string } }> }
    ).checks.find((check) => check.persona === "persona0" && check.check === "money")!;
    expect(record.artifacts).toEqual({ screenshot: "report-artifacts/persona0-money.png", trace: "report-artifacts/persona0-trace.zip" });
    expect(readFileSync(join(cwd, "out/report-artifacts/persona0-money.png"), "utf8")).toBe("png");
    // persona1's trace was never written: its path stays as it was.
    const missing = checks.find((check) => check.persona === "persona1" && check.artifacts.trace)!;
    expect(missing.artifacts.trace).toBe("a/persona1-trace.zip");
    expect(existsSync(join(cwd, "out/report-artifacts/persona1-trace.zip"))).toBe(false);
  });
});
