import { describe, expect, it } from "vitest";
import { chatOnlyResultsFixture, stampFixture, storeResultsFixture } from "../../reports/testing/index.ts";
import { simulationSummary } from "./simulationSummary.ts";

// The terminal summary formats through the same formatter as the report (experiments/format): the
// snapshots pin what a user reads, so a change to either output shows up in review.
describe("simulationSummary", () => {
  it("simulationSummary of a store run matches its snapshot (money, shares, counts and durations as the report writes them)", async () => {
    const text = simulationSummary(storeResultsFixture(), stampFixture({ runSeconds: 1.25 }), "USD");
    expect(text).not.toMatch(/\d\.\d+e[-+]\d|NaN|undefined/);
    await expect(text).toMatchFileSnapshot("__snapshots__/simulationSummary-store.txt");
  });

  it("simulationSummary of a chat-only run matches its snapshot", async () => {
    await expect(simulationSummary(chatOnlyResultsFixture(), stampFixture({ runSeconds: 0.5 }), "EUR")).toMatchFileSnapshot(
      "__snapshots__/simulationSummary-chat-only.txt",
    );
  });
});
