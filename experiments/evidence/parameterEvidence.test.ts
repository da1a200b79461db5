import { describe, expect, it } from "vitest";
import { methodologyNotes, parameterEvidence } from "./parameterEvidence.ts";
import { PARAMETER_SOURCES } from "./parameterSources.ts";
import { publishedFigure } from "./publishedFigures.ts";

describe("parameterEvidence", () => {
  it("lists every registry entry of the mode, with each cited figure's value and source copied from the evidence file", () => {
    const evidence = parameterEvidence("store");
    expect(evidence.map((entry) => entry.path)).toEqual(PARAMETER_SOURCES.filter((entry) => entry.mode === "store").map((entry) => entry.path));
    const rescue = evidence.find((entry) => entry.path === "chat.rescueProbability")!;
    const lift = rescue.figures.find((figure) => figure.id === "liveChat.causalPurchaseLift")!;
    expect(lift).toMatchObject({ value: 0.1599, reading: "percentagePoints", source: publishedFigure("liveChat.causalPurchaseLift").source });
    expect(JSON.parse(JSON.stringify(evidence))).toEqual(evidence);
  });
});

describe("methodologyNotes", () => {
  it("counts the kinds, names the assumptions with their ranges and states the chat lift reading", () => {
    const evidence = parameterEvidence("store");
    const [counts, assumptions, chat] = methodologyNotes(evidence);
    const assumed = evidence.filter((entry) => entry.kind === "assumption").length;
    expect(counts).toMatch(
      new RegExp(`^${evidence.length} behavioural parameters: \\d+ published, \\d+ calibrated to published figures, ${assumed} assumptions\\.$`),
    );
    expect(assumptions).toContain("segments[*].techComfort (0.3-0.9)");
    expect(chat).toMatch(/percentage points.*within 10-22 points/);
  });

  it("chat-only evidence has no assumptions and no chat lift line", () => {
    expect(methodologyNotes(parameterEvidence("chatOnly"))).toEqual([
      "5 behavioural parameters: 3 published, 2 calibrated to published figures, 0 assumptions.",
    ]);
  });
});
