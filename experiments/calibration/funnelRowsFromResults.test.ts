import { describe, expect, it } from "vitest";
import { simulate } from "../../sim/model/index.ts";
import { tinyChatConfig } from "../parallel/testing/tinyChatConfig.ts";
import { formatFunnelCsv, parseFunnelCsv } from "./funnelCsv.ts";
import { funnelRowsFromResults } from "./funnelRowsFromResults.ts";
import { observedFunnel } from "./observedFunnel.ts";
import { fastBaselineData, loadData } from "./testFunnel.ts";

const results = simulate(loadData(fastBaselineData(8000)).config, { seed: 3 });

describe("funnelRowsFromResults", () => {
  it("funnelRowsFromResults(store results) gives sessions, reached per step, abandonments by reason, orders and chat rows", () => {
    if (results.kind !== "store") throw new Error("expected store results");
    const rows = funnelRowsFromResults(results);
    const count = (kind: string, step: string | null = null) =>
      rows.filter((row) => row.kind === kind && row.step === step).reduce((sum, row) => sum + row.count, 0);
    expect(count("sessions")).toBe(results.funnel.sessions);
    for (const step of results.funnel.steps) {
      expect(count("reached", step.step)).toBe(step.reached);
      expect(count("abandoned", step.step)).toBe(step.abandoned);
    }
    expect(count("orders")).toBe(results.funnel.orders);
    expect(count("chatRequests")).toBe(results.chat.requests);
    expect([count("chatsAbandoned"), count("invitations"), count("invitationsAccepted")]).toEqual([
      results.chat.abandoned,
      results.invitations.offered,
      results.invitations.accepted,
    ]);
    expect([count("sessionsWithChat"), count("ordersWithChat")]).toEqual([results.outcome.sessionsWithChat, results.outcome.ordersWithChat]);
    // No holdout in the policy: no holdout rows, as the live store writes none.
    expect(rows.some((row) => row.kind === "holdoutSessions" || row.kind === "holdoutOrders")).toBe(false);
    expect(rows.every((row) => row.interval === null && (row.reason === null) === (row.kind !== "abandoned"))).toBe(true);
  });

  it("funnelRowsFromResults(...) round-trips through the CSV format and reads back as the simulated funnel", () => {
    if (results.kind !== "store") throw new Error("expected store results");
    const rows = parseFunnelCsv(formatFunnelCsv(funnelRowsFromResults(results)));
    const observed = observedFunnel(
      rows,
      results.funnel.steps.map((step) => step.step),
    );
    expect(observed.steps.map((step) => [step.reached, step.continued])).toEqual(results.funnel.steps.map((step) => [step.reached, step.continued]));
  });

  it("funnelRowsFromResults(results of a policy with a holdout) adds the holdout's sessions and orders", () => {
    const data = fastBaselineData(8000);
    data.chat.policy = { name: "reactive with holdout", holdout: 0.2 };
    const held = simulate(loadData(data).config, { seed: 3 });
    if (held.kind !== "store") throw new Error("expected store results");
    const rows = funnelRowsFromResults(held);
    expect(rows.filter((row) => row.kind.startsWith("holdout")).map((row) => [row.kind, row.count])).toEqual([
      ["holdoutSessions", held.holdout.sessions],
      ["holdoutOrders", held.holdout.orders],
    ]);
    expect(held.holdout.sessions).toBeGreaterThan(0.15 * held.funnel.sessions);
  });

  it("funnelRowsFromResults(..., {byInterval}) adds interval rows that sum to the totals", () => {
    const rows = funnelRowsFromResults(results, { byInterval: true });
    const sessions = rows.filter((row) => row.kind === "sessions" && row.interval !== null).reduce((sum, row) => sum + row.count, 0);
    expect(sessions).toBe(results.kind === "store" ? results.funnel.sessions : -1);
    expect(rows.filter((row) => row.kind === "reached" && row.interval === 0)).toHaveLength(1);
  });

  it("funnelRowsFromResults(chat-only results) has only the chat rows", () => {
    const chatOnly = simulate(tinyChatConfig({ name: "desk", agents: { scheduled: new Array(24).fill(2), shrinkage: 0, concurrency: 1, costPerHour: 0 } }), {
      seed: 1,
    });
    expect(funnelRowsFromResults(chatOnly).map((row) => row.kind)).toEqual(["chatRequests", "chatsServed", "chatsAbandoned"]);
  });
});
