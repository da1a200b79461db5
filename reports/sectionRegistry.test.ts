import { describe, expect, it } from "vitest";
import { createRenderContext } from "./renderContext.ts";
import { REPORT_KINDS } from "./reportDocument.ts";
import { buildSections, SECTION_BUILDERS, type SectionRegistry } from "./sectionRegistry.ts";
import { chatOnlyResultsFixture, storeResultsFixture, syntheticCheckFixture } from "./testing/index.ts";

describe("sectionRegistry", () => {
  it("SECTION_BUILDERS has builders for every report kind", () => {
    expect(Object.keys(SECTION_BUILDERS).sort()).toEqual([...REPORT_KINDS].sort());
    for (const kind of REPORT_KINDS) expect(SECTION_BUILDERS[kind].length).toBeGreaterThan(0);
  });

  it("buildSections(store) runs the store builders in order", () => {
    expect(buildSections(storeResultsFixture(), createRenderContext()).map((section) => section.title)).toEqual([
      "Funnel",
      "Abandonment",
      "Chat queue",
      "The days (3 days)",
      "Methodology",
    ]);
  });

  it("buildSections(syntheticCheck) builds the synthetic check section", () => {
    expect(buildSections(syntheticCheckFixture(), createRenderContext()).map((section) => section.title)).toEqual(["Synthetic check: Fernhill & Co."]);
  });

  it("buildSections leaves out sections whose builder returns null", () => {
    const results = chatOnlyResultsFixture();
    results.chat.requests = 0;
    expect(buildSections(results, createRenderContext()).map((section) => section.title)).toEqual(["The day", "Methodology"]);
  });

  it("buildSections(body, context, registry) uses a custom registry (how new kinds drop in)", () => {
    const registry: SectionRegistry = {
      ...SECTION_BUILDERS,
      store: [
        (results, context) => ({
          id: `${context.idPrefix}-x`,
          title: `Custom ${results.scenario}`,
          takeaway: "",
          keyFigures: [],
          charts: [],
          tables: [],
          notes: [],
        }),
      ],
    };
    expect(buildSections(storeResultsFixture(), createRenderContext(), registry).map((section) => section.title)).toEqual(["Custom Baseline mid-size store"]);
  });
});
