import { describe, expect, it } from "vitest";
import { lift } from "../../experiments/chatLift/index.ts";
import { createFormatter } from "../../experiments/format/index.ts";
import { chatOnlyResultsFixture, stampFixture, storeResultsFixture } from "../../reports/testing/index.ts";
import { simulationSummary } from "./simulationSummary.ts";

// The terminal summary formats through the same formatter as the report (experiments/format): the
// snapshots pin what a user reads, so a change to either output shows up in review.
describe("simulationSummary", () => {
  it("simulationSummary of a store run matches its snapshot (money, shares, counts and durations as the report writes them)", async () => {
    const text = simulationSummary(storeResultsFixture(), stampFixture({ runSeconds: 1.25 }), createFormatter({ currency: "USD" }));
    expect(text).not.toMatch(/\d\.\d+e[-+]\d|NaN|undefined/);
    await expect(text).toMatchFileSnapshot("__snapshots__/simulationSummary-store.txt");
  });

  it("simulationSummary of a chat-only run matches its snapshot", async () => {
    await expect(simulationSummary(chatOnlyResultsFixture(), stampFixture({ runSeconds: 0.5 }), createFormatter({ currency: "EUR" }))).toMatchFileSnapshot(
      "__snapshots__/simulationSummary-chat-only.txt",
    );
  });

  it("simulationSummary shows the help centre's and the follow-ups' costs only when self-service is on", () => {
    const results = storeResultsFixture();
    expect(simulationSummary(results, stampFixture(), createFormatter({ currency: "USD" }))).not.toMatch(/help centre/);
    const on = {
      ...results,
      selfService: { contacts: 40, resolved: 30, escalated: 10, rescued: 2, cost: 20, channelEscalation: { email: 3, phone: 1, cost: 20 } },
      profit: { ...results.profit, selfServiceCost: 20, escalationCost: 20 },
    };
    expect(simulationSummary(on, stampFixture(), createFormatter({ currency: "USD" }))).toMatch(
      /− help centre \/ email and phone +\$20(\.00)? \(40 contacts, 30 resolved\) \/ \$20(\.00)? \(3 emails, 1 calls\)/,
    );
  });

  it("simulationSummary with a de-DE, EUR formatter (report.locale) writes German digits and euros: matches its snapshot", async () => {
    const text = simulationSummary(storeResultsFixture(), stampFixture({ runSeconds: 1.25 }), createFormatter({ locale: "de-DE", currency: "EUR" }));
    // German grouping and decimal marks, the euro sign after the amount (with a no-break space), no US money.
    expect(text).toMatch(/326\.171\u00a0€/);
    expect(text).toContain("(0,74\u00a0€ per session)");
    expect(text).toContain("conversion 2,14\u00a0%");
    expect(text).not.toMatch(/\$|USD|\d,\d{3}\.\d/);
    await expect(text).toMatchFileSnapshot("__snapshots__/simulationSummary-store-de-DE.txt");
  });

  it("simulationSummary's chat lift writes the points one way in the rows and in the explanation (+10.0 pp, +25.0 pp; de-DE +10,0 pp)", () => {
    // Chatters buy 25% with the desk and would buy 15% without it; non-chatters buy 5%: 10 and 20 points by hand.
    const causal = { ...lift(0.25, 0.15), pointsInterval: { lower: 4, upper: 16 } };
    const naive = lift(0.25, 0.05);
    const chatLift = { chatters: 400, nonChatters: 9600, causal, naive, explanation: "stored in the default locale" };
    const text = simulationSummary(storeResultsFixture(), stampFixture(), createFormatter({ currency: "USD" }), chatLift);
    expect(text).toMatch(/causal \(same shoppers, no desk\) +25\.0% vs 15\.0%: \+10\.0 pp, \+67% relative, 95% CI \+4\.0 pp to \+16\.0 pp/);
    expect(text).toMatch(/naive \(vs shoppers who did not chat\) +25\.0% vs 5\.0%: \+20\.0 pp, \+400% relative/);
    expect(text).toContain("the naive gap of +20.0 pp overstates what chat causes (+10.0 pp)");
    expect(text).not.toMatch(/\bpoints\b/);
    const german = simulationSummary(storeResultsFixture(), stampFixture(), createFormatter({ locale: "de-DE", currency: "EUR" }), chatLift);
    expect(german).toContain("the naive gap of +20,0 pp overstates what chat causes (+10,0 pp)");
    expect(german).toMatch(/: \+10,0 pp, \+67\s?% relative/);
  });
});
