import { describe, expect, it } from "vitest";
import { htmlString } from "../escapeHtml.ts";
import { createRenderContext } from "../renderContext.ts";
import { renderSection } from "../renderSection.ts";
import { FAILURE_SCREENSHOT, normalizeSvg, syntheticCheckFixture } from "../testing/index.ts";
import { syntheticCheckSection } from "./syntheticCheckSection.ts";

function fixture() {
  return syntheticCheckFixture({ profileName: "Shop <b>" });
}

describe("syntheticCheckSection", () => {
  const section = syntheticCheckSection(fixture(), createRenderContext())!;

  it("syntheticCheckSection leads with the failures by check, and states an all-clear or an unreachable store plainly", () => {
    expect(section.takeaway).toBe("1 of 9 applicable checks failed against Shop <b> (1 skipped: did not apply): money (1)");
    expect(section.title).toBe("Synthetic check: Shop <b>");
    expect(section.keyFigures.slice(1, 4).map((figure) => [figure.label, figure.value, figure.detail])).toEqual([
      ["Passed", "7", "of 9 applicable checks; 1 more only after a retry (flaky)"],
      ["Failed", "1", "all put down to the store"],
      ["Skipped", "1", "did not apply (not counted as passed)"],
    ]);
    const clean = fixture();
    clean.checks = clean.checks.map((check) => ({ ...check, status: check.status === "failed" ? "passed" : check.status }));
    clean.summary = { ...clean.summary, failed: 0, passed: 8 };
    expect(syntheticCheckSection(clean, createRenderContext())!.takeaway).toBe(
      "All 9 applicable checks passed for 2 personas against Shop <b>, 1 only after a retry (flaky)",
    );
    const down = fixture();
    down.store = { ...down.store, reachable: false, problem: "store unreachable at http://127.0.0.1:3000: connect ECONNREFUSED" };
    expect(syntheticCheckSection(down, createRenderContext())!.takeaway).toBe(
      "The store could not be reached: store unreachable at http://127.0.0.1:3000: connect ECONNREFUSED",
    );
  });

  it("syntheticCheckSection tables every check per persona with symbols, the failures with artifacts, and predicted vs observed", () => {
    const [checks, problems, conformance, timings] = section.tables;
    expect(checks.rows.map((row) => row.map((cell) => cell.text))).toEqual([
      ["persona0", "desktop, desktop", "finished", "✓ passed", "✗ failed", "✓ passed", "✓ passed", "✓ passed", "–"],
      ["persona1", "desktop, desktop", "left", "~ flaky", "✓ passed", "– skipped", "✓ passed", "✓ passed", "–"],
    ]);
    expect(problems.rows.map((row) => row.map((cell) => cell.text))).toEqual([
      ["persona0", "Money", "✗ failed", "review: total shows $99.76, expected 96.76", "–", "a/persona0-money.png · a/persona0-trace.zip"],
      ["persona1", "Funnel", "~ flaky", "left at cart as scripted, but cart needed a retry", "–", "a/persona1-trace.zip"],
    ]);
    expect(conformance.rows[0].map((cell) => cell.text)).toEqual([
      "Payment",
      "idle",
      "idle-payment",
      "2",
      "1",
      "1",
      "50%",
      "50%",
      "+0.010 s",
      "0.010 s",
      "✓ yes",
    ]);
    expect(timings.rows.map((row) => row.map((cell) => cell.text))).toEqual([
      ["Cart", "4", "0.200", "0.400", "0.500"],
      ["Payment", "2", "0.500", "0.900", "1.000"],
    ]);
  });

  it("syntheticCheckSection charts step timings and fire times, and embeds only data: image screenshots", () => {
    expect(section.charts.map((chart) => chart.title)).toEqual(["Page loads per step", "Invitation times: predicted vs observed", "persona0 · Money"]);
    expect(section.charts[1].caption).toMatch(/^Rings: .* All 1 agree within ±1 s\.$/);
    const page = htmlString(renderSection(section));
    expect(page).toContain(`<img src="${FAILURE_SCREENSHOT}" alt="Screenshot: persona0 · money: review: total shows $99.76"`);
    expect(page).not.toContain("javascript:");
    expect(page).toContain("Shop &lt;b&gt;");
    expect(page).not.toContain("Shop <b>");
  });

  // The screenshot "charts" are <img> tags checked above; only Plot charts are snapshotted.
  it.each(section.charts.filter((chart) => !chart.id.includes("-failure-")).map((chart) => [chart.id.replace(/^r1-/, ""), chart] as const))(
    "chart %s matches its SVG snapshot",
    async (name, chart) => {
      await expect(normalizeSvg(chart.svg)).toMatchFileSnapshot(`__snapshots__/${name}.html`);
    },
  );
});
