// Test support only (small scenarios and an error catcher shared by the loader's tests); not
// re-exported from index.ts.

import { ScenarioError } from "./ScenarioError.ts";

/** The smallest store scenario: every other setting has a default. */
export const MINIMAL_STORE = {
  name: "minimal store",
  horizon: { days: 1 },
  traffic: { sessionsPerDay: 400 },
  segments: [{ name: "everyone", weight: 1, device: "mobile", addToCartProbability: 0.2 }],
  funnel: { steps: [{ name: "payment" }] },
  agents: { schedule: 2 },
};

/** A small chat-only desk with impatient customers. */
export const CHAT_ONLY = {
  mode: "chatOnly",
  name: "chat desk",
  horizon: { days: 1, intervalMinutes: 60 },
  arrivals: { chatsPerDay: 240 },
  handleSeconds: { kind: "exponential", mean: 300 },
  patienceSeconds: { kind: "exponential", mean: 60 },
  agents: { concurrency: 2, schedule: 3 },
};

/** The problem lines of the ScenarioError that `load` throws (fails if it throws anything else or nothing). */
export function problemsOf(load: () => unknown): readonly string[] {
  try {
    load();
  } catch (error) {
    if (error instanceof ScenarioError) return error.problems;
    throw error;
  }
  throw new Error("expected a ScenarioError, but the scenario loaded");
}
