// The exact chat-pool chain against closed forms it must reproduce: without slowdown, one slot per
// agent is Erlang A and k slots per agent are Erlang C with agents × k servers.

import { describe, expect, it } from "vitest";
import { chatPoolFigures } from "./chatPoolChain.ts";
import { erlangA } from "./erlangA.ts";
import { erlangCMetrics } from "./erlangCMetrics.ts";

describe("chatPoolFigures (the exact chain)", () => {
  it("with one slot per agent and no slowdown it is Erlang A", () => {
    const exact = chatPoolFigures({
      agents: 5,
      slots: 1,
      arrivalRatePerSecond: 4 / 180,
      meanHandleSeconds: 180,
      slowdownPerExtraChat: 0,
      meanPatienceSeconds: 120,
    });
    const erlang = erlangA({ arrivalRatePerSecond: 4 / 180, meanServiceSeconds: 180, meanPatienceSeconds: 120, servers: 5, targetSeconds: 20 });
    expect(exact.probabilityOfWait).toBeCloseTo(erlang.probabilityOfWait, 12);
    expect(exact.probabilityOfAbandon).toBeCloseTo(erlang.probabilityOfAbandon, 12);
    expect(exact.meanWaitSeconds).toBeCloseTo(erlang.meanWaitSeconds, 10);
    expect(exact.meanChatsPerAgent).toBeCloseTo(erlang.occupancy, 12);
  });

  it("with 2 agents × 3 slots and no slowdown it is Erlang C with 6 servers", () => {
    const exact = chatPoolFigures({
      agents: 2,
      slots: 3,
      arrivalRatePerSecond: 4 / 180,
      meanHandleSeconds: 180,
      slowdownPerExtraChat: 0,
      meanPatienceSeconds: null,
    });
    const erlang = erlangCMetrics({ arrivalRatePerSecond: 4 / 180, meanServiceSeconds: 180, servers: 6, targetSeconds: 20 });
    expect(exact.probabilityOfWait).toBeCloseTo(erlang.probabilityOfWait, 12);
    expect(exact.meanWaitSeconds).toBeCloseTo(erlang.meanWaitSeconds, 10);
    expect(exact.meanChatsPerAgent).toBeCloseTo(3 * erlang.occupancy, 12);
    expect(exact.meanHandleSeconds).toBeCloseTo(180, 10);
  });
});

describe("chatPoolFigures with slowdown (one agent: a birth-death chain)", () => {
  // One agent with K slots holding n chats completes at n μ ÷ (1 + s (n − 1)); beyond K, chats wait and
  // each gives up at θ. A birth-death chain, so p_n ∝ Π_{k<=n} λ ÷ death_k (Gross & Harris, sec. 2.3),
  // summed here term by term, independently of the solver's elimination and closed-form tail.
  function birthDeath(slots: number, loadErlangs: number, slowdown: number, meanPatienceSeconds: number) {
    const lambda = loadErlangs / 180;
    const death = (n: number) => Math.min(n, slots) / 180 / (1 + slowdown * (Math.min(n, slots) - 1)) + Math.max(0, n - slots) / meanPatienceSeconds;
    const weights = [1];
    for (let n = 1; n <= 5000; n++) weights.push((weights[n - 1] * lambda) / death(n));
    const total = weights.reduce((sum, weight) => sum + weight, 0);
    const p = weights.map((weight) => weight / total);
    const sum = (pick: (n: number) => number) => p.reduce((acc, probability, n) => acc + probability * pick(n), 0);
    const meanQueue = sum((n) => Math.max(0, n - slots));
    return {
      probabilityOfWait: sum((n) => (n >= slots ? 1 : 0)),
      probabilityOfAbandon: meanQueue / meanPatienceSeconds / lambda,
      meanWaitSeconds: meanQueue / lambda,
      meanChatsPerAgent: sum((n) => Math.min(n, slots)),
    };
  }

  for (const [slots, load, slowdown] of [
    [3, 1.5, 0.5],
    [4, 3, 0.2],
  ]) {
    it(`1 agent × ${slots} slots, slowdown ${slowdown}, ${load} Erlangs, patience 120 s: P(wait), P(abandon), mean wait, chats per agent`, () => {
      const exact = chatPoolFigures({
        agents: 1,
        slots,
        arrivalRatePerSecond: load / 180,
        meanHandleSeconds: 180,
        slowdownPerExtraChat: slowdown,
        meanPatienceSeconds: 120,
      });
      const reference = birthDeath(slots, load, slowdown, 120);
      expect(exact.probabilityOfWait).toBeCloseTo(reference.probabilityOfWait, 12);
      expect(exact.probabilityOfAbandon).toBeCloseTo(reference.probabilityOfAbandon, 12);
      expect(exact.meanWaitSeconds).toBeCloseTo(reference.meanWaitSeconds, 9);
      expect(exact.meanChatsPerAgent).toBeCloseTo(reference.meanChatsPerAgent, 12);
      // The slowdown matters: the same pool without it waits less.
      const unslowed = chatPoolFigures({
        agents: 1,
        slots,
        arrivalRatePerSecond: load / 180,
        meanHandleSeconds: 180,
        slowdownPerExtraChat: 0,
        meanPatienceSeconds: 120,
      });
      expect(unslowed.probabilityOfWait).toBeLessThan(exact.probabilityOfWait - 0.01);
    });
  }
});

describe("chatPoolFigures (bad input)", () => {
  const pool = { agents: 3, slots: 3, arrivalRatePerSecond: 3.5 / 180, meanHandleSeconds: 180, slowdownPerExtraChat: 0.2, meanPatienceSeconds: null };

  it("rejects a pool it cannot solve with one house-format line", () => {
    expect(() => chatPoolFigures({ ...pool, agents: 0 })).toThrow(/^invalid agents: 0 \(must be an integer >= 1\)$/);
    expect(() => chatPoolFigures({ ...pool, slots: 1.5 })).toThrow(/^invalid slots: 1.5 \(must be an integer >= 1\)$/);
    expect(() => chatPoolFigures({ ...pool, slowdownPerExtraChat: -0.1 })).toThrow(/^invalid slowdownPerExtraChat: -0.1 /);
    expect(() => chatPoolFigures({ ...pool, meanPatienceSeconds: 0 })).toThrow(/^invalid meanPatienceSeconds: 0 /);
  });

  it("without patience, a load the full pool cannot serve is unstable", () => {
    // 3 agents × 3 chats at slowdown 0.2 complete 3 × 3 ÷ 1.4 = 6.43 chats per handle time at most.
    expect(() => chatPoolFigures({ ...pool, arrivalRatePerSecond: 6.5 / 180 })).toThrow(/^unstable pool/);
    expect(chatPoolFigures({ ...pool, arrivalRatePerSecond: 6.5 / 180, meanPatienceSeconds: 120 }).probabilityOfAbandon).toBeGreaterThan(0);
  });
});
