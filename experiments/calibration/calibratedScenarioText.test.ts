import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { calibratedScenarioText } from "./calibratedScenarioText.ts";
import { baselinePath } from "./testFunnel.ts";

const original = readFileSync(baselinePath, "utf8");

describe("calibratedScenarioText", () => {
  it("calibratedScenarioText(yaml, values) changes only the fitted numbers, keeping comments and layout byte for byte", () => {
    const text = calibratedScenarioText(
      original,
      [
        { path: ["segments", 1, "addToCartProbability"], value: 0.0712 },
        { path: ["funnel", "steps", 2, "hazards", "cardDeclined"], value: 0.0301 },
      ],
      { originalPath: baselinePath, outputPath: baselinePath.replace("baseline.yaml", "baseline.calibrated.yaml") },
    );
    const expected = original.replace("addToCartProbability: 0.062", "addToCartProbability: 0.0712").replace("cardDeclined: 0.032,", "cardDeclined: 0.0301,");
    expect(text).toBe(expected);
  });

  it("calibratedScenarioText(...) adds a header after the schema modeline and rebases relative paths for another folder", () => {
    const text = calibratedScenarioText(original, [], {
      originalPath: "/stores/scenarios/baseline.yaml",
      outputPath: "/stores/out/cal/b.yaml",
      comment: "calibrated\nby test",
    });
    const lines = text.split("\n");
    expect(lines.slice(0, 3)).toEqual(["# yaml-language-server: $schema=../../scenario.schema.json", "# calibrated", "# by test"]);
    expect(text).toContain("  policy: ../../policies/reactive-only.yaml\n");
  });

  it("calibratedScenarioText(...) adds values the file left to defaults, keeping its comments", () => {
    const text = calibratedScenarioText(
      "# my store\nname: x # inline\nfunnel:\n  steps: []\n",
      [{ path: ["funnel", "stickerShock", "sensitivity"], value: 1.5 }],
      { originalPath: "a.yaml", outputPath: "b.yaml" },
    );
    expect(text).toBe("# my store\nname: x # inline\nfunnel:\n  steps: []\n  stickerShock:\n    sensitivity: 1.5\n");
  });

  it("calibratedScenarioText(json, values) re-serialises JSON with the values set", () => {
    const text = calibratedScenarioText(
      JSON.stringify({ name: "x", chat: { policy: "p.yaml" }, funnel: { cart: { hazards: { justBrowsing: 0.4 } } } }),
      [{ path: ["funnel", "cart", "hazards", "justBrowsing"], value: 0.35 }],
      { originalPath: "/a/s.json", outputPath: "/a/b/s.json" },
    );
    expect(JSON.parse(text)).toEqual({ name: "x", chat: { policy: "../p.yaml" }, funnel: { cart: { hazards: { justBrowsing: 0.35 } } } });
  });
});
