import type { ModelConfig } from "./config.ts";
import type { ChatOnlyResults, StoreResults } from "./results.ts";
import { simulateChatOnly } from "./simulateChatOnly.ts";
import { type RunOptions, simulateStore } from "./simulateStore.ts";

/**
 * Runs one replication of either model. Same config and seed ⇒ identical results.
 *
 * @example
 * const results = simulate(loadScenario("experiments/scenarios/baseline.yaml").config, { seed: 1 });
 * results.kind === "store" && results.funnel.conversionRate // ≈ 0.021
 */
export function simulate(config: ModelConfig & { kind: "store" }, options: RunOptions): StoreResults;
export function simulate(config: ModelConfig & { kind: "chatOnly" }, options: RunOptions): ChatOnlyResults;
export function simulate(config: ModelConfig, options: RunOptions): StoreResults | ChatOnlyResults;
export function simulate(config: ModelConfig, options: RunOptions): StoreResults | ChatOnlyResults {
  return config.kind === "store" ? simulateStore(config, options) : simulateChatOnly(config, options);
}
