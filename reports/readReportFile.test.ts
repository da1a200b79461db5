import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ReportInputError } from "./ReportInputError.ts";
import { readReportFile, scenarioInfo, toReportDocument } from "./readReportFile.ts";
import { stampFixture, storeResultsFixture } from "./testing/index.ts";

const folder = mkdtempSync(join(tmpdir(), "convsim-report-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe("readReportFile", () => {
  it("readReportFile(path) reads JSON and adds the scenario's description and currency from stamp.scenarioPath", () => {
    const path = join(folder, "sim.json");
    writeFileSync(path, JSON.stringify({ stamp: stampFixture(), results: storeResultsFixture() }));
    const document = readReportFile(path);
    expect(document.scenario?.currency).toBe("USD");
    expect(document.scenario?.description).toMatch(/^Mid-size apparel and home store/);
  });

  it("readReportFile(missing) and readReportFile(bad JSON) throw ReportInputError naming the file", () => {
    expect(() => readReportFile(join(folder, "nope.json"))).toThrow(ReportInputError);
    expect(() => readReportFile(join(folder, "nope.json"))).toThrow(/^cannot read results file .*nope\.json: no such file$/);
    const bad = join(folder, "bad.json");
    writeFileSync(bad, "{ not json");
    expect(() => readReportFile(bad)).toThrow(/^invalid results file .*bad\.json: JSON syntax error: /);
  });

  it("toReportDocument omits scenario details when the scenario file is gone or invalid", () => {
    const gone = toReportDocument({ stamp: stampFixture({ scenarioPath: join(folder, "gone.yaml") }), results: storeResultsFixture() }, "x");
    expect(gone.scenario).toBeNull();
    const invalid = join(folder, "invalid.yaml");
    writeFileSync(invalid, "name: 3\nunknown: true\n");
    expect(scenarioInfo(invalid)).toBeNull();
  });
});
