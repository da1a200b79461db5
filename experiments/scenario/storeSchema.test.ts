import { describe, expect, it, vi } from "vitest";

// Counts the strict objects built (every store sub-schema is one), so the test sees when the store schema is built.
const built = vi.hoisted(() => ({ strictObjects: 0 }));
vi.mock("./fields.ts", async (importOriginal) => {
  const fields = await importOriginal<typeof import("./fields.ts")>();
  return {
    ...fields,
    strict: ((...args: Parameters<typeof fields.strict>) => {
      built.strictObjects++;
      return fields.strict(...args);
    }) as typeof fields.strict,
  };
});

const { parseConcreteScenario } = await import("./parseConcreteScenario.ts");
const { storeScenarioSchema } = await import("./storeSchema.ts");

const CHAT_ONLY = {
  name: "Desk",
  mode: "chatOnly",
  horizon: { days: 1, intervalMinutes: 60 },
  arrivals: { chatsPerDay: 100 },
  handleSeconds: { kind: "exponential", mean: 300 },
  agents: { concurrency: 1, shrinkage: 0, costPerHour: 20, schedule: 2 },
};
const STORE = {
  name: "Shop",
  horizon: { days: 1 },
  traffic: { sessionsPerDay: 100 },
  segments: [{ name: "all", weight: 1, device: "desktop", addToCartProbability: 0.1 }],
  funnel: { steps: [{ name: "checkout", fields: [{ name: "email" }] }] },
  agents: { concurrency: 1, costPerHour: 20, schedule: 1 },
};

describe("storeScenarioSchema", () => {
  it("is built on the first store scenario parsed, not when loaded and not for chat-only scenarios, and only once", () => {
    const atLoad = built.strictObjects;
    expect(parseConcreteScenario(CHAT_ONLY, {}).config.kind).toBe("chatOnly");
    expect(built.strictObjects).toBe(atLoad);
    const store = storeScenarioSchema.safeParse(STORE);
    expect(store.success, JSON.stringify(store.error?.issues)).toBe(true);
    const afterFirstStore = built.strictObjects;
    expect(afterFirstStore - atLoad).toBeGreaterThan(5); // segments, fields, steps, pricing, funnel, chat, the scenario ...
    expect(storeScenarioSchema.safeParse({ ...STORE, name: "Shop 2" }).success).toBe(true);
    expect(built.strictObjects).toBe(afterFirstStore);
  });
});
