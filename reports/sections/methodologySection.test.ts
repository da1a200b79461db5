import { describe, expect, it } from "vitest";
import { PARAMETER_SOURCES } from "../../experiments/evidence/index.ts";
import { createRenderContext } from "../renderContext.ts";
import { chatOnlyResultsFixture, storeResultsFixture } from "../testing/index.ts";
import { methodologySection } from "./methodologySection.ts";

describe("methodologySection", () => {
  it("store results: one row per store registry entry, assumptions with their ranges, and the chat lift reading in the notes", () => {
    const section = methodologySection(storeResultsFixture(), createRenderContext())!;
    const rows = section.tables[0].rows;
    expect(rows.map((row) => row[0].text)).toEqual(PARAMETER_SOURCES.filter((entry) => entry.mode === "store").map((entry) => entry.path));
    expect(
      rows
        .find((row) => row[0].text === "segments[*].techComfort")!
        .map((cell) => cell.text)
        .slice(1, 3),
    ).toEqual(["assumption", "0.3-0.9"]);
    expect(rows.find((row) => row[0].text === "chat.rescueProbability")![2].text).toContain("liveChat.causalPurchaseLift");
    expect(section.takeaway).toMatch(/^\d+ behavioural parameters: \d+ published, \d+ calibrated to published figures, \d+ assumptions\.$/);
    expect(section.notes.join(" ")).toMatch(/percentage points/);
  });

  it("chat-only results: the contact centre's parameters, none an assumption", () => {
    const section = methodologySection(chatOnlyResultsFixture(), createRenderContext())!;
    expect(section.tables[0].rows.map((row) => row[1].text)).not.toContain("assumption");
    expect(section.notes).toEqual([]);
  });
});
