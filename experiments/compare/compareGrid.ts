import type { ModelConfig } from "../../sim/model/index.ts";
import { type CompareOptions, compareVariants, type Variant } from "./compareVariants.ts";
import type { ComparisonResults } from "./comparisonTypes.ts";

export interface ComparisonGrid {
  kind: "comparisonGrid";
  scenario: string;
  primaryMetric: string;
  /** Scheduled agents (all day) at each level. */
  levels: { agentsScheduled: number; comparison: ComparisonResults }[];
  /** The best variant at each staffing level by mean of the primary metric. */
  bestByLevel: { agentsScheduled: number; variant: string; probabilityBest: number; mean: number | null; significantVsControl: boolean }[];
}

/** The same config with `agents` scheduled in every interval. */
export function withConstantStaffing(config: ModelConfig, agents: number): ModelConfig {
  return { ...config, agents: { ...config.agents, scheduled: config.agents.scheduled.map(() => agents) } };
}

/**
 * Policies × staffing levels: a full comparison at each level (same replication seeds throughout),
 * to find the best policy for each number of agents — a pushy policy may only pay with enough staff.
 */
export async function compareGrid(variants: readonly Variant[], staffingLevels: readonly number[], options: CompareOptions): Promise<ComparisonGrid> {
  if (staffingLevels.length === 0) throw new RangeError("invalid staffing levels: an empty list (give at least one)");
  const levels = [];
  for (const agents of staffingLevels) {
    if (options.signal?.aborted) break;
    const staffed = variants.map((variant) => ({ ...variant, config: withConstantStaffing(variant.config, agents) }));
    levels.push({ agentsScheduled: agents, comparison: await compareVariants(staffed, options) });
  }
  return {
    kind: "comparisonGrid",
    scenario: variants[0]?.config.name ?? "",
    primaryMetric: levels[0]?.comparison.primaryMetric ?? options.primaryMetric ?? "conversionRate",
    levels,
    bestByLevel: levels.map(({ agentsScheduled, comparison }) => {
      const top = comparison.ranking[0];
      const verdict = comparison.verdicts.find((entry) => entry.variant === top.variant);
      return {
        agentsScheduled,
        variant: top.variant,
        probabilityBest: top.probabilityBest,
        mean: top.mean,
        significantVsControl: verdict?.significant ?? false,
      };
    }),
  };
}
