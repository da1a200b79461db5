import { describe, expect, it } from "vitest";
import { createFormatter } from "../../experiments/format/index.ts";
import { createRenderContext } from "../renderContext.ts";
import { decisionSection, staffingSection } from "../sections/index.ts";
import { staffingFixture, storeResultsFixture, worldDecisionFixture } from "../testing/index.ts";
import { decisionCard } from "./decisionCards.ts";

describe("decisionCard", () => {
  const decision = worldDecisionFixture();
  const sections = [decisionSection(decision, createRenderContext())!];
  const context = { sections, format: createFormatter({ currency: "USD" }), minimumRelativeEffect: 0.01 };

  it("decisionCard of a --worlds decision names the choice, how often it is best and what perfect information adds, linked to the decision section", () => {
    const card = decisionCard(decision, context)!;
    // The fixture: idle-on-payment best in 0.75 of 32 worlds, expected conversion 0.022 (range ±0.001), EVPI 0.0001.
    expect(card.headline).toBe("Choose idle-on-payment");
    expect(card.verdict).toBe("best conversion in 75% of 32 parameter worlds; runner-up exit-intent-high-value");
    expect(card.tone).toBe("neutral");
    expect(card.figures.map((figure) => figure.label)).toEqual(["expected conversion", "value of perfect information", "hinges most on"]);
    expect(card.figures[0].value).toMatch(/^2\.2(0)?%$/);
    expect(card.figures[0].detail).toMatch(/^worlds' 5th–95th percentile 2\.1(0)?% to 2\.3(0)?%$/);
    expect(card.figures[1].value).toMatch(/^\+0\.01 pp$/);
    expect(card.figures[2].value).toBe("segments[1].invitationSensitivity");
    for (const figure of card.figures) expect(figure.href).toBe(`#${sections[0].id}`);
  });

  it("decisionCard of a --worlds run with fewer than 2 complete worlds says there is no decision", () => {
    const card = decisionCard({ ...decision, analysis: null }, context)!;
    expect([card.headline, card.verdict, card.figures.length]).toEqual(["No decision", "fewer than 2 of 32 worlds completed", 0]);
  });
});

describe("decisionCard in the scenario's locale (report.locale de-DE, EUR)", () => {
  const format = createFormatter({ locale: "de-DE", currency: "EUR" });
  /** A card's words and figures, one per line, as the reader sees them. */
  const text = (card: NonNullable<ReturnType<typeof decisionCard>>): string =>
    [
      card.headline,
      card.verdict,
      ...card.figures.map((figure) => `${figure.label}: ${figure.value}${figure.detail === undefined ? "" : ` (${figure.detail})`}`),
    ].join("\n");

  it("decisionCard of a staffing run writes German digits and euros: matches its snapshot", async () => {
    const staffing = staffingFixture();
    const context = createRenderContext({ locale: "de-DE", currency: "EUR" });
    const card = decisionCard(staffing, { sections: [staffingSection(staffing, context)!], format, minimumRelativeEffect: 0.01 })!;
    const written = text(card);
    expect(written).toMatch(/\d,\d\u00a0%/);
    expect(written).toMatch(/\u00a0€/);
    expect(written).not.toMatch(/\$|\d\.\d\u00a0?%/);
    await expect(written).toMatchFileSnapshot("__snapshots__/decisionCard-staffing-de-DE.txt");
  });

  it("decisionCard of a store run writes German digits and euros: matches its snapshot", async () => {
    const card = decisionCard(storeResultsFixture(), { sections: [], format, minimumRelativeEffect: 0.01 })!;
    const written = text(card);
    expect(written).toMatch(/\d\.\d{3}\u00a0€/);
    expect(written).toContain("2,14\u00a0% conversion");
    await expect(written).toMatchFileSnapshot("__snapshots__/decisionCard-store-de-DE.txt");
  });
});
