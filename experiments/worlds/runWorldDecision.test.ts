import { describe, expect, it } from "vitest";
import { parseScenario } from "../scenario/index.ts";
import { checkWorldRun, runWorldDecision } from "./runWorldDecision.ts";

/** A small chat desk: 3 agents scheduled all day (72 agent-hours, no warm-up left out), cost per hour uncertain on [10, 50]. */
const DESK = {
  mode: "chatOnly",
  name: "desk",
  horizon: { days: 1, intervalMinutes: 60, warmupSeconds: 0 },
  arrivals: { chatsPerDay: 600 },
  handleSeconds: { kind: "exponential", mean: { uncertain: { low: 200, high: 400 } } },
  patienceSeconds: { kind: "exponential", mean: 60 },
  agents: { concurrency: 2, schedule: 3, costPerHour: { uncertain: { low: 10, high: 50 } } },
};

const variant = (name: string, edit: (data: any) => void = () => {}) => {
  const data: any = structuredClone(DESK);
  edit(data);
  return { name, scenario: parseScenario(data) };
};

describe("runWorldDecision", () => {
  it("runWorldDecision on agent cost with c ~ U(10, 50) against a flat 30/h gives P(best) 1/2 and expected losses 72 · E[(c − 30)+] = 360", async () => {
    // Agent cost = 72 scheduled hours × c, exactly, in every replication. Flat: 72 · 30 = 2160.
    // The open variant is best iff c < 30 (P = 1/2); its expected loss is 72 · E[(c − 30)+] = 72 · 20²/(2 · 40)
    // = 360, and the flat one's 72 · E[(30 − c)+] = 360 too. A Latin hypercube of n worlds estimates
    // E[g(c)] within (range of g) ÷ n = 72 · 20 ÷ n (one draw per equal-probability stratum of a monotone g).
    const worlds = 50;
    const decision = await runWorldDecision([variant("flat", (data) => (data.agents.costPerHour = 30)), variant("open")], {
      worlds,
      replications: 2,
      seed: 5,
      metric: "agentCost",
      workers: 1,
    });
    const [flat, open] = decision.analysis!.variants;
    expect(flat.expected.mean).toBeCloseTo(2160, 9);
    expect(open.probabilityBest).toBe(0.5);
    expect(Math.abs(open.expectedLoss - 360)).toBeLessThanOrEqual((72 * 20) / worlds);
    expect(Math.abs(flat.expectedLoss - 360)).toBeLessThanOrEqual((72 * 20) / worlds);
    expect(Math.abs(open.expected.mean - 72 * 30)).toBeLessThanOrEqual((72 * 40) / worlds);
    expect(decision.analysis!.evpi).toBe(Math.min(flat.expectedLoss, open.expectedLoss));
    // The flat variant fixes the cost, yet the worlds draw it for the open one: both parameters are listed.
    expect(decision.parameters.map((parameter) => parameter.path)).toEqual(["agents.costPerHour", "handleSeconds.mean"]);
    // Cost decides; handle time does not enter agent cost at all.
    expect(decision.analysis!.sensitivity[0].parameter).toBe("agents.costPerHour");
    // The two expected losses tie in the limit, so the choice's margin may run either way: |ρ| = 1.
    expect(Math.abs(decision.analysis!.sensitivity[0].rankCorrelation!)).toBeCloseTo(1, 9);
    expect(Math.abs(decision.analysis!.sensitivity[1].rankCorrelation ?? 0)).toBeLessThan(decision.analysis!.noiseThreshold!);
  });

  it("runWorldDecision({sensitivity: sobol}) on agent cost = 72 h × c gives c a first-order index near 1 and handle time exactly 0", async () => {
    // One variant, so the indices are of its agent cost, which is 72 · c exactly: all of its variance is c's
    // (S = S_T = 1), none handle time's (its A_B rows repeat A's outputs, so both estimators give exactly 0).
    // For centred y = f − mean, uniform with variance v, the first-order terms yB (yB − yA) have variance
    // Var(yB²) + Var(yA yB) = 4v²/5 + v² = 1.8 v², so the estimate's standard error is √1.8 ÷ √N = 0.084 at
    // N = 256 (the total-effect one's, (yA − yB)² ÷ 2 with variance 1.4 v², is 0.074): 3 of them is 0.25.
    const base = 256;
    const decision = await runWorldDecision([variant("open")], {
      worlds: base,
      replications: 1,
      seed: 9,
      metric: "agentCost",
      workers: 1,
      sensitivity: "sobol",
    });
    expect(decision.worldsRun).toBe(base * 4);
    const analysis = decision.analysis!;
    expect(analysis.sensitivityMeasure).toBe("sobolFirstOrder");
    // The decision's figures rest on the A and B rows only.
    expect(analysis.worlds).toBe(2 * base);
    const [cost, handle] = analysis.sensitivity;
    expect(cost.parameter).toBe("agents.costPerHour");
    expect(Math.abs(cost.firstOrder! - 1)).toBeLessThan(0.25);
    expect(Math.abs(cost.totalOrder! - 1)).toBeLessThan(0.25);
    expect(handle.firstOrder).toBe(0);
    expect(handle.totalOrder).toBe(0);
    const parallel = await runWorldDecision([variant("open")], {
      worlds: base,
      replications: 1,
      seed: 9,
      metric: "agentCost",
      workers: 2,
      sensitivity: "sobol",
    });
    expect(JSON.stringify(parallel)).toBe(JSON.stringify(decision));
  });

  it("checkWorldRun counts the Sobol design's worlds", () => {
    expect(() => checkWorldRun(1000, 2, 2, 1000 * 7)).toThrow(
      /^invalid worlds: 1000 \(7000 worlds for Sobol indices × 2 variants × 2 replications = 28000 runs; at most 20000: fewer worlds or replications\)$/,
    );
  });

  it("runWorldDecision gives byte-identical results serially and on 2 worker threads, and the same seed gives the same bytes", async () => {
    const variants = [variant("three"), variant("four", (data) => (data.agents.schedule = 4))];
    const options = { worlds: 6, replications: 2, seed: "crn", metric: "meanWaitSeconds" };
    const serial = JSON.stringify(await runWorldDecision(variants, { ...options, workers: 1 }));
    const parallel = JSON.stringify(await runWorldDecision(variants, { ...options, workers: 2 }));
    expect(parallel).toBe(serial);
    expect(JSON.stringify(await runWorldDecision(variants, { ...options, workers: 1 }))).toBe(serial);
    const other = JSON.stringify(await runWorldDecision(variants, { ...options, seed: "other", workers: 1 }));
    expect(other).not.toBe(serial);
    // The wait is noisy and depends on the handle time: a real simulation ran in each world.
    const decision = JSON.parse(serial);
    expect(new Set(decision.worlds.map((world: any) => world.metric.three)).size).toBe(6);
    expect(decision.analysis.choice).toBe("four");
  });

  it("runWorldDecision refuses variants that give one parameter two different ranges", async () => {
    const wider = variant("wider", (data) => (data.agents.costPerHour = { uncertain: { low: 5, high: 80 } }));
    await expect(runWorldDecision([variant("open"), wider], { worlds: 4, replications: 2, seed: 1, metric: "agentCost", workers: 1 })).rejects.toThrow(
      /^invalid variants: agents.costPerHour is uncertain with different ranges in different variants/,
    );
  });

  it("checkWorldRun refuses fewer than 2 or more than 1000 worlds, and runs beyond 20000", () => {
    expect(() => checkWorldRun(1, 2, 4)).toThrow(/^invalid worlds: 1 \(must be an integer from 2 to 1000\)$/);
    expect(() => checkWorldRun(1001, 2, 4)).toThrow(/^invalid worlds: 1001 \(must be an integer from 2 to 1000\)$/);
    expect(() => checkWorldRun(1000, 4, 10)).toThrow(/^invalid worlds: 1000 \(1000 worlds × 4 variants × 10 replications = 40000 runs; at most 20000/);
    expect(() => checkWorldRun(32, 4, 4)).not.toThrow();
  });
});
