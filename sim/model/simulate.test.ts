import { describe, expect, it } from "vitest";
import { type ChatOnlyModelConfig, DEFAULT_DESK_CONFIG } from "./config.ts";
import { simulate } from "./simulate.ts";
import { simulateChatOnly } from "./simulateChatOnly.ts";
import { simulateStore } from "./simulateStore.ts";
import { tinyStore } from "./testTinyStore.ts";

describe("simulate", () => {
  it("simulate(store config) is simulateStore's run, simulate(chat-only config) simulateChatOnly's", () => {
    const store = tinyStore("step == payment and idleSeconds >= 30", 0.5);
    const storeResults = simulate(store, { seed: 6 });
    expect(storeResults.kind).toBe("store");
    expect(JSON.stringify(storeResults)).toBe(JSON.stringify(simulateStore(store, { seed: 6 })));
    const chatOnly: ChatOnlyModelConfig = {
      kind: "chatOnly",
      name: "one desk",
      horizon: { days: 1, intervalSeconds: 3600 },
      chatRatesPerSecond: new Array(24).fill(0.01),
      handleSeconds: { kind: "constant", value: 120 },
      patienceSeconds: null,
      slowdownPerExtraChat: 0,
      serviceLevelSeconds: 30,
      agents: { scheduled: new Array(24).fill(2), shrinkage: 0, concurrency: 1, costPerHour: 20 },
      desk: DEFAULT_DESK_CONFIG,
    };
    const chatResults = simulate(chatOnly, { seed: 6 });
    expect(chatResults.kind).toBe("chatOnly");
    expect(JSON.stringify(chatResults)).toBe(JSON.stringify(simulateChatOnly(chatOnly, { seed: 6 })));
  });
});
