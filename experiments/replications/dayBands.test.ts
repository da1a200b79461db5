import { describe, expect, it } from "vitest";
import { type SimulationResults, simulate } from "../../sim/model/index.ts";
import { tinyChatConfig } from "../parallel/testing/tinyChatConfig.ts";
import { dayBands } from "./dayBands.ts";
import { replicationSeed } from "./replicationSeed.ts";

/** A run with only the interval series dayBands reads (two intervals of an hour). */
function run(chatRequests: number[], occupancy: (number | null)[]): SimulationResults {
  const intervals = { intervalSeconds: 3600, startSeconds: [0, 3600], sessions: [0, 0], chatRequests, occupancy, serviceLevel: [null, null] };
  return { kind: "chatOnly", intervals } as unknown as SimulationResults;
}

describe("dayBands", () => {
  it("dayBands(runs) is the t interval per interval: [10, 12, 14] → 12 ± t(0.975, 2) · 2 / √3 (t = 4.302653, Student's table)", () => {
    const bands = dayBands([run([10, 1], [0.5, null]), run([12, 1], [0.7, null]), run([14, 1], [null, null])]);
    const first = bands.series.chatRequests[0]!;
    expect(first.mean).toBe(12);
    expect(first.halfWidth).toBeCloseTo((4.302653 * 2) / Math.sqrt(3), 5);
    expect(bands.series.chatRequests[1]).toMatchObject({ mean: 1, halfWidth: 0 });
    // Occupancy: the run without agents online leaves the interval's observations; none at all gives null.
    expect(bands.series.occupancy[0]).toMatchObject({ mean: 0.6, n: 2 });
    expect(bands.series.occupancy[1]).toBeNull();
    expect(bands.series.serviceLevel).toEqual([null, null]);
    expect(bands).toMatchObject({ replications: 3, level: 0.95, intervalSeconds: 3600, startSeconds: [0, 3600] });
  });

  it("dayBands of runs with different intervals, or of none, throws a RangeError naming the runs", () => {
    const other = { kind: "chatOnly", intervals: { intervalSeconds: 1800, startSeconds: [0] } } as unknown as SimulationResults;
    expect(() => dayBands([run([1, 1], [null, null]), other])).toThrow(/^invalid runs: intervals differ/);
    expect(() => dayBands([])).toThrow(/^invalid runs: an empty list/);
  });

  it("bands of 30 replications of Poisson chat arrivals cover the exact hourly mean λ·3600 = 36 in at least 20 of 24 hours", () => {
    // Pointwise 95% intervals: the hours covered are about Binomial(24, 0.95); fewer than 20 has probability < 0.01.
    const config = tinyChatConfig({ name: "Poisson hours", agents: { scheduled: new Array(24).fill(2), shrinkage: 0, concurrency: 1, costPerHour: 0 } });
    const runs = Array.from({ length: 30 }, (_, replication) => simulate(config, { seed: replicationSeed("day-bands", replication) }));
    const bands = dayBands(runs).series.chatRequests;
    const covered = bands.filter((estimate) => estimate !== null && estimate.lower! <= 36 && 36 <= estimate.upper!).length;
    expect(covered).toBeGreaterThanOrEqual(20);
  });
});
