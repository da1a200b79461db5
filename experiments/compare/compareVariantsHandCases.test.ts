import tCdf from "@stdlib/stats-base-dists-t-cdf";
import tQuantile from "@stdlib/stats-base-dists-t-quantile";
import { describe, expect, it } from "vitest";
import { type ChatOnlyResults, type ModelConfig, simulate } from "../../sim/model/index.ts";
import type { SimulationTask, TaskBackend, TaskOutcome } from "../parallel/index.ts";
import { tinyChatConfig } from "../parallel/testing/tinyChatConfig.ts";
import { compareGrid } from "./compareGrid.ts";
import { compareVariants, type Variant } from "./compareVariants.ts";
import { runPairedReplications } from "./pairedRuns.ts";

// compareVariants, runPairedReplications and compareGrid on hand-made runs: a backend answers each
// task with a real tiny chat run whose mean wait is replaced by a value from a table, so every
// difference, interval, p-value, adjustment and ranking below is worked out by hand (t quantiles
// and the t CDF from stdlib), independently of the simulator's noise.

const template = simulate(tinyChatConfig(), { seed: 1 });

/** Mean chat wait (seconds) by variant (its agent cost per hour) and replication. */
const WAITS: Record<number, number[]> = {
  0: [30, 42, 25, 37], // control
  1: [22, 35, 20, 31], // faster: differences −8, −7, −5, −6
  2: [30, 44, 24, 39], // about the same: differences 0, 2, −1, 2
};

/** A backend that looks the answer up; `failing` lists `${variant}:${replication}` tasks that error. */
function tableBackend(failing: string[] = [], seen: SimulationTask[] = []): TaskBackend {
  return {
    async run(tasks): Promise<TaskOutcome[]> {
      seen.push(...tasks);
      return tasks.map((task, index) => {
        const variant = task.config.agents.costPerHour;
        const replication = Number(String(task.seed).split(":r")[1]);
        if (failing.includes(`${variant}:${replication}`)) return { state: "errored", index, error: `broken ${variant}` };
        const offset = task.config.agents.scheduled[0] - 1; // compareGrid: one more agent waits 5 s less
        const meanWaitSeconds = WAITS[variant][replication] - 5 * offset;
        // Service level, a higher-is-better figure, made to fall with the wait: 1 − wait ÷ 100.
        const results: ChatOnlyResults = { ...template, chat: { ...template.chat, meanWaitSeconds, serviceLevel: 1 - meanWaitSeconds / 100 } };
        return { state: "completed", index, results };
      });
    },
  };
}

const variant = (name: string, costPerHour: number, config: Partial<ModelConfig> = {}): Variant => ({
  name,
  policy: `${name}-policy`,
  scenarioHash: `hash-${name}`,
  config: { ...tinyChatConfig({ name: "desk" }), agents: { ...tinyChatConfig().agents, costPerHour }, ...config } as ModelConfig,
});
const VARIANTS = [variant("control", 0), variant("faster", 1), variant("same", 2)];
/** A variant that reserves one slot for carts of $150 or more: its results carry per-class figures. */
const reservedVariant = (): Variant =>
  variant("reserved", 1, { desk: { ...tinyChatConfig().desk, reservation: { slots: 1, minCartValue: 150, segments: [] } } } as Partial<ModelConfig>);

/** Mean, t half-width and two-sided paired-t p-value of hand-listed differences. */
function byHand(differences: number[], level: number) {
  const n = differences.length;
  const mean = differences.reduce((sum, d) => sum + d, 0) / n;
  const sd = Math.sqrt(differences.reduce((sum, d) => sum + (d - mean) ** 2, 0) / (n - 1));
  const t = mean / (sd / Math.sqrt(n));
  return { mean, halfWidth: tQuantile(1 - (1 - level) / 2, n - 1) * (sd / Math.sqrt(n)), pValue: 2 * (1 - tCdf(Math.abs(t), n - 1)) };
}

describe("compareVariants on hand-made runs", () => {
  it("compareVariants pairs by replication: differences, t intervals, Holm-adjusted p-values, ranking and verdict match the hand computation", async () => {
    const seen: SimulationTask[] = [];
    const result = await compareVariants(VARIANTS, {
      replications: 4,
      seed: 9,
      control: "control",
      primaryMetric: "meanWaitSeconds",
      level: 0.9,
      backend: tableBackend([], seen),
    });
    // Replication-major task order, each replication's seed shared by all variants (common random numbers).
    expect(seen.map((task) => [task.config.agents.costPerHour, task.seed])).toEqual([0, 1, 2, 3].flatMap((r) => [0, 1, 2].map((v) => [v, `9:r${r}`])));
    expect(result).toMatchObject({
      kind: "comparison",
      scenario: "desk",
      horizonDays: 1,
      primaryMetric: "meanWaitSeconds",
      level: 0.9,
      replications: 4,
      seeds: ["9:r0", "9:r1", "9:r2", "9:r3"],
      correction: "holm",
      control: "control",
      errored: [],
      cancelled: 0,
      stoppedBy: "count",
    });
    // The default guardrails; the primary metric is not repeated among them.
    expect(result.guardrails).toEqual(["meanWaitOfServedSeconds", "queueAbandonmentRate", "annoyedExits", "agentCost", "contributionProfit"]);
    expect(result.variants.map((entry) => [entry.name, entry.policy, entry.scenarioHash])).toEqual([
      ["control", "control-policy", "hash-control"],
      ["faster", "faster-policy", "hash-faster"],
      ["same", "same-policy", "hash-same"],
    ]);
    expect(result.variants[1].kpis.meanWaitSeconds!.mean).toBe(27);

    const faster = byHand([-8, -7, -5, -6], 0.9);
    const same = byHand([0, 2, -1, 2], 0.9);
    const rows = result.differences.filter((row) => row.primary);
    expect(rows.map((row) => row.variant)).toEqual(["faster", "same"]);
    expect(rows[0].difference.mean).toBeCloseTo(faster.mean, 12);
    expect(rows[0].difference.halfWidth!).toBeCloseTo(faster.halfWidth, 12);
    expect(rows[1].difference.mean).toBeCloseTo(same.mean, 12);
    expect(rows[0].pValue).toBeCloseTo(faster.pValue, 12);
    expect(rows[1].pValue).toBeCloseTo(same.pValue, 12);
    // Holm with two tests: the smaller p-value doubled, the larger kept (monotone).
    expect(faster.pValue * 2).toBeLessThan(same.pValue);
    expect(rows[0].adjustedPValue).toBeCloseTo(faster.pValue * 2, 12);
    expect(rows[1].adjustedPValue).toBeCloseTo(same.pValue, 12);
    expect(rows.map((row) => row.significant)).toEqual([true, false]);
    // Guardrail rows keep their unadjusted p-value.
    const guardrail = result.differences.find((row) => row.metric === "agentCost" && row.variant === "faster")!;
    expect(guardrail.primary).toBe(false);
    expect(guardrail.adjustedPValue).toBe(guardrail.pValue);

    // Lower wait is better: faster (27) before control (33.5) before same (34.25); faster is best in every replication.
    expect(result.ranking).toEqual([
      { variant: "faster", probabilityBest: 1, mean: 27 },
      { variant: "control", probabilityBest: 0, mean: 33.5 },
      { variant: "same", probabilityBest: 0, mean: 34.25 },
    ]);
    expect(result.verdict).toMatch(/^faster ranks first on mean chat wait \(probability best 100%\); faster improves mean chat wait by /);
    expect(result.verdicts.map((entry) => [entry.variant, entry.significant])).toEqual([
      ["faster", true],
      ["same", false],
    ]);
  });

  it("compareVariants({correction: 'none'}) keeps the p-values and a level of 0.999 makes the difference not significant", async () => {
    const options = { replications: 4, seed: 9, control: "control", primaryMetric: "meanWaitSeconds", backend: tableBackend() };
    const plain = await compareVariants(VARIANTS, { ...options, correction: "none" });
    const faster = byHand([-8, -7, -5, -6], 0.95);
    expect(plain.correction).toBe("none");
    expect(plain.differences[0].adjustedPValue).toBeCloseTo(faster.pValue, 12);
    // p ≈ 0.002: significant at 99.5% uncorrected, not at 99.9%.
    expect(faster.pValue).toBeGreaterThan(0.001);
    expect(faster.pValue).toBeLessThan(0.005);
    const strict = await compareVariants(VARIANTS, { ...options, correction: "none", level: 0.999 });
    expect(strict.differences[0].significant).toBe(false);
    const loose = await compareVariants(VARIANTS, { ...options, correction: "none", level: 0.995 });
    expect(loose.differences[0].significant).toBe(true);
  });

  it("compareVariants with a higher-is-better primary metric ranks the highest mean first; ties split the probability best", async () => {
    const result = await compareVariants(VARIANTS, { replications: 4, seed: 9, control: "faster", primaryMetric: "serviceLevel", backend: tableBackend() });
    expect(result.ranking.map((entry) => [entry.variant, entry.probabilityBest])).toEqual([
      ["faster", 1],
      ["control", 0],
      ["same", 0],
    ]);
    expect(result.ranking[0].mean).toBeCloseTo(0.73, 12);
    expect(result.ranking[1].mean).toBeCloseTo(0.665, 12);
    expect(result.ranking[2].mean).toBeCloseTo(0.6575, 12);
    // Against the best variant as control, both others are significantly worse: no winner, and the
    // verdict says they are worse (a significant loss is not "no detectable difference").
    expect(result.control).toBe("faster");
    expect(result.verdict).toMatch(
      /^no variant beats faster on service level: control worsens service level by −6\.50 pp \[.*\] vs faster \(Holm-adjusted p = 0\.00\d\); same worsens service level by −7\.25 pp/,
    );
    // Agent cost is the template's in every run: a three-way tie each time.
    const tied = await compareVariants(VARIANTS, { replications: 4, seed: 9, control: "control", primaryMetric: "agentCost", backend: tableBackend() });
    for (const entry of tied.ranking) expect(entry.probabilityBest).toBeCloseTo(1 / 3, 12);
    expect(tied.ranking.map((entry) => entry.variant)).toEqual(["control", "faster", "same"]);
  });

  it("drops a replication any variant failed, lists the error, and says failFast or interrupted when that stopped the run", async () => {
    const options = { replications: 4, seed: 9, control: "control", primaryMetric: "meanWaitSeconds", backend: tableBackend(["2:2"]) };
    const result = await compareVariants(VARIANTS, options);
    expect(result.replications).toBe(3);
    expect(result.seeds).toEqual(["9:r0", "9:r1", "9:r3"]);
    expect(result.errored).toEqual([{ variant: "same", replication: 2, error: "broken 2" }]);
    expect(result.stoppedBy).toBe("count");
    const faster = byHand([-8, -7, -6], 0.95);
    expect(result.differences[0].difference.mean).toBeCloseTo(faster.mean, 12);
    expect(result.differences[0].difference.halfWidth!).toBeCloseTo(faster.halfWidth, 12);
    expect(result.ranking[0]).toEqual({ variant: "faster", probabilityBest: 1, mean: (22 + 35 + 31) / 3 });
    expect((await compareVariants(VARIANTS, { ...options, failFast: true })).stoppedBy).toBe("failFast");
    // failFast with nothing failing: the run ended by its count.
    expect((await compareVariants(VARIANTS, { ...options, backend: tableBackend(), failFast: true })).stoppedBy).toBe("count");
    const controller = new AbortController();
    controller.abort();
    expect((await compareVariants(VARIANTS, { ...options, signal: controller.signal })).stoppedBy).toBe("interrupted");
  });

  it("with one complete replication there is no interval and the verdict says too few replications", async () => {
    const failing = ["0:1", "1:2", "2:3"];
    const result = await compareVariants(VARIANTS, {
      replications: 4,
      seed: 9,
      control: "control",
      primaryMetric: "meanWaitSeconds",
      backend: tableBackend(failing),
    });
    expect(result.replications).toBe(1);
    expect(result.verdict).toBe("too few complete replications (1) to compare");
    expect(result.differences[0].difference).toMatchObject({ mean: -8, halfWidth: null });
    // No complete replication at all: no differences, an empty KPI summary per variant, ranks without a mean.
    const none = await compareVariants(VARIANTS.slice(0, 2), {
      replications: 2,
      seed: 9,
      control: "control",
      primaryMetric: "meanWaitSeconds",
      backend: tableBackend(["0:0", "1:1"]),
    });
    expect(none.replications).toBe(0);
    expect(none.differences).toEqual([]);
    expect(none.variants.map((entry) => entry.kpis)).toEqual([{}, {}]);
    expect(none.ranking).toEqual([
      { variant: "control", probabilityBest: 0, mean: null },
      { variant: "faster", probabilityBest: 0, mean: null },
    ]);
  });

  it("a desk reservation in any variant adds each chat class's figures to the guardrails", async () => {
    const reserved = reservedVariant();
    const result = await compareVariants([VARIANTS[0], reserved], {
      replications: 2,
      seed: 9,
      control: "control",
      primaryMetric: "meanWaitSeconds",
      guardrails: ["agentCost", "meanWaitSeconds"],
      backend: tableBackend(),
    });
    expect(result.guardrails).toEqual([
      "agentCost",
      ...["highValue", "standard"].flatMap((chatClass) =>
        ["ProbabilityOfWait", "MeanWaitSeconds", "QueueAbandonmentRate", "BlockingRate", "ServiceLevel", "RescuedOrders", "RescuedRevenue"].map(
          (field) => `${chatClass}${field}`,
        ),
      ),
    ]);
  });

  it("a variant without a value of the primary metric in any run ranks last with mean null and leaves nobody a contest to win", async () => {
    // Variant cost 3 never has a mean wait (as a desk with no agents has no answered-chat wait).
    const silent: TaskBackend = {
      async run(tasks) {
        const outcomes = await tableBackend().run(
          tasks.map((task) => (task.config.agents.costPerHour === 3 ? { ...task, config: VARIANTS[0].config } : task)),
          {},
        );
        return outcomes.map((outcome, index) =>
          tasks[index].config.agents.costPerHour === 3 && outcome.state === "completed"
            ? { ...outcome, results: { ...outcome.results, chat: { ...outcome.results.chat, meanWaitSeconds: null } } as ChatOnlyResults }
            : outcome,
        );
      },
    };
    const options = { replications: 4, seed: 9, control: "control", primaryMetric: "meanWaitSeconds", backend: silent };
    // Listed first, in the middle or last, the variant without values ranks last.
    for (const order of [
      [variant("silent", 3), VARIANTS[0], VARIANTS[1]],
      [VARIANTS[0], variant("silent", 3), VARIANTS[1]],
      [VARIANTS[1], VARIANTS[0], variant("silent", 3)],
    ]) {
      const result = await compareVariants(order, options);
      expect(result.ranking).toEqual([
        { variant: "faster", probabilityBest: 0, mean: 27 },
        { variant: "control", probabilityBest: 0, mean: 33.5 },
        { variant: "silent", probabilityBest: 0, mean: null },
      ]);
      expect(result.notComparable).toContainEqual({ variant: "silent", metric: "meanWaitSeconds", missingInVariant: 4, missingInControl: 0 });
    }
  });

  it("under a reservation each variant's per-class figures are summarised: shares within [0, 1], times with the plain t interval", async () => {
    // Two replications of hand-made class figures. With n = 2 the 95% t interval is mean ± t(0.975, 1) · sd ÷ √2,
    // t(0.975, 1) = 12.7062 (printed tables): P(wait) 0.9 and 1.0 → 0.95 ± 0.635, so the share's upper bound is cut at 1;
    // a mean wait of 10 s and 30 s → 20 ± 127.06 s, whose lower bound stays negative (a wait is not a share).
    const byClassOf = (probabilityOfWait: number, meanWaitSeconds: number) => {
      const figures = { requests: 10, blocked: 0, served: 10, abandoned: 0, probabilityOfWait, blockingRate: 0, queueAbandonmentRate: 0 };
      const one = { ...figures, meanWaitSeconds, meanWaitOfServedSeconds: meanWaitSeconds, serviceLevel: 0.5, rescuedOrders: null, rescuedRevenue: null };
      return { reservation: { slots: 1, minCartValue: 150, segments: [] }, highValue: one, standard: one };
    };
    const classBackend: TaskBackend = {
      async run(tasks) {
        return tasks.map((task, index): TaskOutcome => {
          const replication = Number(String(task.seed).split(":r")[1]);
          const byClass = replication === 0 ? byClassOf(0.9, 10) : byClassOf(1, 30);
          return { state: "completed", index, results: { ...template, chat: { ...template.chat, byClass } } as ChatOnlyResults };
        });
      },
    };
    const reserved = reservedVariant();
    const result = await compareVariants([VARIANTS[0], reserved], {
      replications: 2,
      seed: 9,
      control: "control",
      primaryMetric: "meanWaitSeconds",
      backend: classBackend,
    });
    const kpis = result.variants[1].kpis;
    const t = tQuantile(0.975, 1);
    expect(t).toBeCloseTo(12.7062, 4);
    expect(kpis.highValueProbabilityOfWait!.mean).toBeCloseTo(0.95, 12);
    expect(kpis.highValueProbabilityOfWait!.upper).toBe(1);
    expect(kpis.highValueProbabilityOfWait!.lower).toBeCloseTo(0.95 - (t * Math.sqrt(0.005)) / Math.SQRT2, 12);
    expect(kpis.standardMeanWaitSeconds!.mean).toBe(20);
    expect(kpis.standardMeanWaitSeconds!.lower).toBeCloseTo(20 - (t * Math.sqrt(200)) / Math.SQRT2, 9);
    expect(kpis.standardMeanWaitSeconds!.upper).toBeCloseTo(20 + (t * Math.sqrt(200)) / Math.SQRT2, 9);
    // Figures no run has are missing (null), never a 0 estimate.
    expect(kpis.highValueRescuedOrders).toBeNull();
  });

  it("compareVariants refuses an unknown control and duplicate names", async () => {
    await expect(compareVariants(VARIANTS, { replications: 2, seed: 1, control: "nobody", backend: tableBackend() })).rejects.toThrow(
      'invalid control: "nobody" (variants: control, faster, same)',
    );
    await expect(compareVariants([VARIANTS[0], VARIANTS[0]], { replications: 2, seed: 1, control: "control", backend: tableBackend() })).rejects.toThrow(
      "invalid variants: names must be unique",
    );
  });
});

describe("runPairedReplications", () => {
  it("keeps the replications every variant completed, counts cancelled tasks and lists errors by variant and replication", async () => {
    const backend: TaskBackend = {
      async run(tasks) {
        return tasks.map((task, index): TaskOutcome => {
          if (index === 3) return { state: "errored", index, error: "boom" }; // replication 1, variant 1
          if (index >= 6) return { state: "cancelled", index }; // replication 3, both variants
          return { state: "completed", index, results: { ...template, chat: { ...template.chat, requests: index } } };
        });
      },
    };
    const runs = await runPairedReplications(
      [
        { name: "a", config: tinyChatConfig() },
        { name: "b", config: tinyChatConfig() },
      ],
      4,
      "s",
      { backend },
    );
    expect(runs.complete).toEqual([0, 2]);
    expect(runs.errored).toEqual([{ variant: "b", replication: 1, error: "boom" }]);
    expect(runs.cancelled).toBe(2);
    expect(runs.paired.map((variantRuns) => variantRuns.map((run) => run.chat.requests))).toEqual([
      [0, 4],
      [1, 5],
    ]);
  });
});

describe("compareGrid on hand-made runs", () => {
  it("compareGrid runs the comparison at each staffing level and names the best variant per level", async () => {
    const seen: SimulationTask[] = [];
    const grid = await compareGrid(VARIANTS, [1, 3], {
      replications: 4,
      seed: 9,
      control: "control",
      primaryMetric: "meanWaitSeconds",
      backend: tableBackend([], seen),
    });
    expect(grid.kind).toBe("comparisonGrid");
    expect(grid.scenario).toBe("desk");
    expect(grid.primaryMetric).toBe("meanWaitSeconds");
    expect(grid.levels.map((level) => level.agentsScheduled)).toEqual([1, 3]);
    expect(new Set(seen.map((task) => task.config.agents.scheduled.join(",")))).toEqual(new Set([Array(24).fill(1).join(","), Array(24).fill(3).join(",")]));
    // Three agents wait 10 s less in every run: the same differences, lower means.
    expect(grid.levels[1].comparison.ranking[0].mean).toBe(17);
    expect(grid.bestByLevel).toEqual([
      { agentsScheduled: 1, variant: "faster", probabilityBest: 1, mean: 27, significantVsControl: true },
      { agentsScheduled: 3, variant: "faster", probabilityBest: 1, mean: 17, significantVsControl: true },
    ]);
  });

  it("compareGrid: a control that ranks first is not significant against itself; an interrupted grid stops before the next level", async () => {
    const best = await compareGrid(VARIANTS, [2], { replications: 4, seed: 9, control: "faster", primaryMetric: "meanWaitSeconds", backend: tableBackend() });
    expect(best.bestByLevel).toEqual([{ agentsScheduled: 2, variant: "faster", probabilityBest: 1, mean: 22, significantVsControl: false }]);
    const controller = new AbortController();
    controller.abort();
    const stopped = await compareGrid(VARIANTS, [1, 2], { replications: 2, seed: 9, control: "control", signal: controller.signal, backend: tableBackend() });
    expect(stopped.levels).toEqual([]);
    expect(stopped.bestByLevel).toEqual([]);
    expect(stopped.scenario).toBe("desk");
    expect(stopped.primaryMetric).toBe("conversionRate");
    const named = await compareGrid(VARIANTS, [1], {
      replications: 2,
      seed: 9,
      control: "control",
      primaryMetric: "agentCost",
      signal: controller.signal,
      backend: tableBackend(),
    });
    expect(named.primaryMetric).toBe("agentCost");
    // No variants at all (an interrupted grid never reaches compareVariants' refusal): the scenario has no name.
    const empty = await compareGrid([], [1], { replications: 2, seed: 9, control: "control", signal: controller.signal, backend: tableBackend() });
    expect(empty.scenario).toBe("");
    await expect(compareGrid(VARIANTS, [], { replications: 2, seed: 9, control: "control", backend: tableBackend() })).rejects.toThrow(
      "invalid staffing levels: an empty list (give at least one)",
    );
  });
});
