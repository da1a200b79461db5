import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { problemsOf } from "../scenario/testScenarios.ts";
import { loadVariants } from "./loadVariants.ts";

const folder = mkdtempSync(join(tmpdir(), "convsim-variants-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe("loadVariants", () => {
  it.each([
    ["names itself as its scenario", "self.yaml", "scenario: self.yaml\nvariants:\n  - name: a\n  - name: b\n"],
    ["names another comparison", "outer.yaml", "scenario: self.yaml\nvariants:\n  - name: b\n  - name: c\n"],
  ])("loadVariants refuses a comparison file that %s, in one house-format line", (_, name, text) => {
    writeFileSync(join(folder, "self.yaml"), "scenario: self.yaml\nvariants:\n  - name: a\n  - name: b\n");
    writeFileSync(join(folder, name), text);
    expect(problemsOf(() => loadVariants(join(folder, name), []))).toEqual([
      'invalid scenario: "self.yaml" (must name a scenario file, not a comparison file)',
    ]);
  });
});
