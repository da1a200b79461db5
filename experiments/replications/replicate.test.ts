import { describe, expect, it } from "vitest";
import { erlangCMetrics } from "../../sim/analytic/index.ts";
import { type ChatOnlyModelConfig, DEFAULT_DESK_CONFIG } from "../../sim/model/index.ts";
import { replicate } from "./replicate.ts";

/** M/M/c as a chat-only scenario: exponential handle times, infinite patience, constant staffing. */
function mmc(servers: number, load: number, meanServiceSeconds: number, days: number): ChatOnlyModelConfig {
  const intervals = 24 * days;
  return {
    kind: "chatOnly",
    name: `M/M/${servers}`,
    horizon: { days, intervalSeconds: 3600 },
    chatRatesPerSecond: new Array(intervals).fill(load / meanServiceSeconds),
    handleSeconds: { kind: "exponential", mean: meanServiceSeconds },
    patienceSeconds: null,
    slowdownPerExtraChat: 0,
    serviceLevelSeconds: 20,
    agents: { scheduled: new Array(intervals).fill(servers), shrinkage: 0, concurrency: 1, costPerHour: 0 },
    desk: DEFAULT_DESK_CONFIG,
  };
}

describe("replicate", () => {
  it("95% intervals cover the exact Erlang C P(wait) in 90–99% of 200 independent experiments", async () => {
    // Each experiment: 5 replications of one day of M/M/2 at 70% load (≈2,000 chats each).
    // Coverage of a valid 95% interval is Binomial(200, 0.95): 90–99% holds with probability > 0.999.
    const config = mmc(2, 1.4, 60, 1);
    const exact = erlangCMetrics({ arrivalRatePerSecond: 1.4 / 60, meanServiceSeconds: 60, servers: 2 }).probabilityOfWait;
    let covered = 0;
    for (let experiment = 0; experiment < 200; experiment++) {
      const set = await replicate(config, { replications: 5, seed: `coverage-${experiment}`, workers: 1 });
      const estimate = set.kpis.probabilityOfWait!;
      if (estimate.lower! <= exact && exact <= estimate.upper!) covered++;
    }
    expect(covered / 200).toBeGreaterThanOrEqual(0.9);
    expect(covered / 200).toBeLessThanOrEqual(0.99);
  });

  it("each replication gets its own derived seed and the set is reproducible", async () => {
    const config = mmc(2, 1.2, 60, 1);
    const first = await replicate(config, { replications: 3, seed: 9, workers: 1 });
    const second = await replicate(config, { replications: 3, seed: 9, workers: 1 });
    expect(first.seeds).toEqual(["9:r0", "9:r1", "9:r2"]);
    expect(JSON.stringify(second)).toBe(JSON.stringify(first));
    expect(new Set(first.runs.map((run) => run.chat.requests)).size).toBe(3);
  });

  it("with a precision target, keeps adding replications until the relative half-width is met", async () => {
    const set = await replicate(mmc(2, 1.4, 60, 1), {
      replications: 3,
      seed: 4,
      workers: 1,
      precision: { kpi: "meanWaitSeconds", relativeHalfWidth: 0.08, maxReplications: 60 },
    });
    expect(set.stoppedBy).toBe("precision");
    expect(set.kpis.meanWaitSeconds!.halfWidth! / set.kpis.meanWaitSeconds!.mean).toBeLessThanOrEqual(0.08);
    expect(set.completed).toBeGreaterThan(3);
  });

  it("stops at maxReplications when the target is out of reach", async () => {
    const set = await replicate(mmc(2, 1.4, 60, 1), {
      replications: 2,
      seed: 4,
      workers: 1,
      precision: { kpi: "meanWaitSeconds", relativeHalfWidth: 0.0001, maxReplications: 6 },
    });
    expect(set.stoppedBy).toBe("maxReplications");
    expect(set.completed).toBe(6);
  });

  it("a run on 2 worker threads is byte-identical to a serial run with the same seed", async () => {
    const config = mmc(3, 2.2, 60, 1);
    const serial = await replicate(config, { replications: 4, seed: 77, workers: 1 });
    const parallel = await replicate(config, { replications: 4, seed: 77, workers: 2 });
    expect(JSON.stringify(parallel)).toBe(JSON.stringify(serial));
  });

  it("an interrupted run reports what completed", async () => {
    const controller = new AbortController();
    const set = await replicate(mmc(2, 1.4, 60, 1), {
      replications: 6,
      seed: 1,
      workers: 1,
      signal: controller.signal,
      onProgress: (finished) => finished === 2 && controller.abort(),
    });
    expect(set.stoppedBy).toBe("interrupted");
    expect(set.completed).toBe(2);
    expect(set.cancelled).toBe(4);
  });
});
