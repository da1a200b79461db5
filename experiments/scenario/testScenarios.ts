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

/** The error of class `type` that `run` throws (fails if it throws anything else or nothing). */
export function thrown<T extends Error>(type: new (...args: never[]) => T, run: () => unknown): T {
  try {
    run();
  } catch (error) {
    if (error instanceof type) return error;
    throw error;
  }
  throw new Error(`expected a ${type.name}, but nothing was thrown`);
}

/** The problem lines of the ScenarioError that `load` throws (fails if it throws anything else or nothing). */
export function problemsOf(load: () => unknown): readonly string[] {
  return thrown(ScenarioError, load).problems;
}
