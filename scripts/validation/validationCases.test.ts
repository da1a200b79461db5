// The cases' exact values are the sim/analytic solvers' answers for the desks the tests of sim/model
// check (restated here from those tests, not read from a run), and each case's scenario is that desk.

import { describe, expect, it } from "vitest";
import { chatPoolFigures, erlangA, erlangCMetrics, mmck, trunkReservationFigures } from "../../sim/analytic/index.ts";
import { validationCases } from "./validationCases.ts";

const cases = validationCases();
const byName = (fragment: string) => {
  const found = cases.filter((validationCase) => validationCase.name.includes(fragment));
  if (found.length !== 1) throw new Error(`${found.length} cases named like ${fragment}`);
  return found[0];
};
const exactOf = (fragment: string) => Object.fromEntries(byName(fragment).figures.map((figure) => [figure.figure, figure.exact]));

describe("validationCases", () => {
  it("the three slowdown-pool loads carry the exact chain's figures for 3 agents × 3 slots at slowdown 0.2", () => {
    const loads: [string, number, number | null][] = [
      ["pool 3.5 Erlangs", 3.5, null],
      ["pool 5.5 Erlangs", 5.5, null],
      ["pool 7 Erlangs", 7, 120],
    ];
    for (const [name, load, patience] of loads) {
      const exact = chatPoolFigures({
        agents: 3,
        slots: 3,
        arrivalRatePerSecond: load / 180,
        meanHandleSeconds: 180,
        slowdownPerExtraChat: 0.2,
        meanPatienceSeconds: patience,
      });
      expect(exactOf(name)).toEqual({
        "P(wait)": exact.probabilityOfWait,
        ...(patience === null ? {} : { "P(abandon)": exact.probabilityOfAbandon }),
        "mean wait (s)": exact.meanWaitSeconds,
        "chats per agent": exact.meanChatsPerAgent,
        "handle time (s)": exact.meanHandleSeconds,
      });
      const config = byName(name).config;
      expect(config.agents).toMatchObject({ scheduled: expect.arrayContaining([3]), shrinkage: 0, concurrency: 3 });
      expect(config.slowdownPerExtraChat).toBe(0.2);
      expect(config.desk.slowdownMode).toBe("loadDependent");
      expect(config.patienceSeconds).toEqual(patience === null ? null : { kind: "exponential", mean: patience });
      expect(new Set(config.chatRatesPerSecond)).toEqual(new Set([load / 180]));
    }
  });

  it("the old-semantics case runs fixedAtStart at slowdown 0.5 and expects the exact P(abandon) above and handle time below its interval", () => {
    const oldSemantics = byName("OLD semantics");
    const exact = chatPoolFigures({
      agents: 3,
      slots: 3,
      arrivalRatePerSecond: 4 / 180,
      meanHandleSeconds: 180,
      slowdownPerExtraChat: 0.5,
      meanPatienceSeconds: 120,
    });
    expect(oldSemantics.config.desk.slowdownMode).toBe("fixedAtStart");
    expect(oldSemantics.figures.map(({ figure, exact, expectation }) => [figure, exact, expectation])).toEqual([
      ["P(abandon)", exact.probabilityOfAbandon, "ciBelow"],
      ["handle time (s)", exact.meanHandleSeconds, "ciAbove"],
    ]);
  });

  it("the queue-cap cases carry M/M/c/K with K = agents + cap; P(wait) counts blocked chats as not waiting", () => {
    const capped = mmck({ arrivalRatePerSecond: 6 / 180, meanServiceSeconds: 180, servers: 6, capacity: 10 });
    expect(exactOf("cap 4 (K = 10)")).toEqual({
      "P(blocked)": capped.probabilityOfBlocking,
      "P(wait)": capped.probabilityOfWait * (1 - capped.probabilityOfBlocking),
      "mean wait of admitted (s)": capped.meanWaitSeconds,
      occupancy: capped.occupancy,
    });
    expect(byName("cap 4 (K = 10)").config.desk.maxQueueLength).toBe(4);
    const loss = mmck({ arrivalRatePerSecond: 4 / 180, meanServiceSeconds: 180, servers: 5, capacity: 5 });
    expect(exactOf("queue cap 0")).toEqual({ "P(blocked)": loss.probabilityOfBlocking });
  });

  it("the Erlang cases carry Erlang C and Erlang A for the online servers, measured after a warm-up", () => {
    const c = erlangCMetrics({ arrivalRatePerSecond: 17 / 180, meanServiceSeconds: 180, servers: 20, targetSeconds: 20 });
    expect(exactOf("Erlang C")).toEqual({ "P(wait)": c.probabilityOfWait, "mean wait (s)": c.meanWaitSeconds, "service level (20 s)": c.serviceLevel });
    const expectErlangA = (name: string, load: number, patience: number, servers: number) => {
      const a = erlangA({ arrivalRatePerSecond: load / 180, meanServiceSeconds: 180, meanPatienceSeconds: patience, servers, targetSeconds: 20 });
      expect(exactOf(name)).toEqual({
        "P(wait)": a.probabilityOfWait,
        "mean wait (s)": a.meanWaitSeconds,
        "P(abandon)": a.probabilityOfAbandon,
        "service level (20 s)": a.serviceLevel,
      });
    };
    expectErlangA("Erlang A: 20 agents", 20, 120, 20);
    expectErlangA("Erlang A: 8 agents × 3", 22, 90, 24);
    for (const validationCase of cases) expect(validationCase.config.desk.warmupSeconds).toBe(3600);
  });

  it("the trunk-reservation cases carry the two-class chain's per-class figures", () => {
    const loss = trunkReservationFigures({
      slots: 6,
      reservedSlots: 2,
      highRatePerSecond: 2 / 180,
      standardRatePerSecond: 3 / 180,
      meanHandleSeconds: 180,
      meanPatienceSeconds: Infinity,
      queueCap: 0,
    });
    expect(exactOf("loss desk")).toEqual({
      "high-value P(blocked)": loss.highValue.probabilityOfBlock,
      "standard P(blocked)": loss.standard.probabilityOfBlock,
    });
    const queueing = trunkReservationFigures({
      slots: 6,
      reservedSlots: 2,
      highRatePerSecond: 1.5 / 180,
      standardRatePerSecond: 3.5 / 180,
      meanHandleSeconds: 180,
      meanPatienceSeconds: 120,
      queueCap: 6,
    });
    const expected: Record<string, number> = {};
    for (const [label, figures] of [
      ["high-value", queueing.highValue],
      ["standard", queueing.standard],
    ] as const) {
      expected[`${label} P(blocked)`] = figures.probabilityOfBlock;
      expected[`${label} P(wait)`] = figures.probabilityOfWait;
      expected[`${label} P(abandon)`] = figures.probabilityOfAbandon;
      expected[`${label} mean wait (s)`] = figures.meanWaitSeconds;
    }
    expect(exactOf("queueing desk")).toEqual(expected);
    expect(byName("queueing desk").config.desk.reservation).toEqual({ slots: 2, minCartValue: null, segments: ["vip"] });
  });

  it("every figure but the old semantics' expects the exact value inside the interval", () => {
    const outside = cases.flatMap((validationCase) =>
      validationCase.figures.filter((figure) => figure.expectation !== "inside").map(() => validationCase.name),
    );
    expect(outside).toEqual([byName("OLD semantics").name, byName("OLD semantics").name]);
  });
});
