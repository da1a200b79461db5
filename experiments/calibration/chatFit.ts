import type { StoreResults } from "../../sim/model/index.ts";
import { type FitStatistics, fitStatistics, type SimulatedStep, type TargetShares } from "./funnelFit.ts";
import { funnelRowsFromResults } from "./funnelRowsFromResults.ts";
import { CHAT_TARGET_LABELS, CHAT_TARGETS, type ChatCounts, type ChatTarget, chatTargetCounts, observedChat, sumChatCounts } from "./observedChat.ts";
import type { ObservedStep } from "./observedFunnel.ts";

/** The `step` of the fit's chat rows (their `outcome` names the share, see CHAT_TARGET_LABELS). */
export const CHAT_ROW_STEP = "chat";

/**
 * The chat counts of simulated runs, summed: each run is turned into the rows a store exports
 * (`funnelRowsFromResults`) and read back as observed data is, so simulated and observed counts
 * follow one definition.
 */
export function simulatedChat(runs: readonly StoreResults[]): ChatCounts {
  return sumChatCounts(
    runs.map((run) => {
      const rows = funnelRowsFromResults(run);
      return observedChat((kind) => rows.find((row) => row.kind === kind && row.step === null)?.count ?? null, "simulation", []);
    }),
  );
}

/** Observed and simulated share of a chat target, with the counts and trials behind them (zeros when either side lacks it). */
export function chatTargetShares(target: ChatTarget, observed: ChatCounts, simulated: ChatCounts): TargetShares {
  const a = chatTargetCounts(target, observed);
  const b = chatTargetCounts(target, simulated);
  return {
    observed: a ? a.count / a.trials : 0,
    simulated: b ? b.count / b.trials : 0,
    observedCount: a?.count ?? 0,
    simulatedCount: b?.count ?? 0,
    observedTrials: a?.trials ?? 0,
    simulatedTrials: b?.trials ?? 0,
  };
}

/**
 * The chat shares compared as binomial cells, with the funnel's statistics (deviance, Pearson X²
 * with the simulation-variance factor, see `fitStatistics`): one row per chat target both data sets
 * have (and not in `skip`), step "chat", outcome the share's words.
 */
export function chatFitStatistics(observed: ChatCounts, simulated: ChatCounts, skip: readonly ChatTarget[] = []): FitStatistics {
  const steps: ObservedStep[] = [];
  const sims: SimulatedStep[] = [];
  for (const target of CHAT_TARGETS) {
    if (skip.includes(target)) continue;
    const a = chatTargetCounts(target, observed);
    const b = chatTargetCounts(target, simulated);
    if (a === null || b === null) continue;
    // Named by the share's words for now: a cell empty in both data sets leaves no row.
    steps.push({ step: CHAT_TARGET_LABELS[target], index: steps.length, reached: a.trials, continued: a.count, reasons: null });
    sims.push({ reached: b.trials, continued: b.count, byReason: {} });
  }
  const statistics = fitStatistics({ steps, chat: observed, notes: [] }, sims);
  return { ...statistics, rows: statistics.rows.map((row) => ({ ...row, step: CHAT_ROW_STEP, outcome: row.step })) };
}

/** Funnel and chat statistics together: rows appended, sums added. */
export function combineStatistics(funnel: FitStatistics, chat: FitStatistics): FitStatistics {
  return {
    rows: [...funnel.rows, ...chat.rows],
    deviance: funnel.deviance + chat.deviance,
    chiSquare: funnel.chiSquare + chat.chiSquare,
    freeCells: funnel.freeCells + chat.freeCells,
  };
}
