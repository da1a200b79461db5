import { type SessionRecord, type StoreModelConfig, type StoreResults, simulateStore } from "../../sim/model/index.ts";
import { tInterval } from "../stats/index.ts";
import { type ChatLift, chatLiftExplanation, type Lift } from "./liftWording.ts";
import { withoutChatDesk } from "./withoutChatDesk.ts";

export interface MeasureChatLiftOptions {
  readonly seed: string | number;
  /** Receives the sessions of the run with the desk (the real run), e.g. for a session log. */
  readonly onSession?: (record: SessionRecord) => void;
}

/** The run with the desk and its chat lift against the paired run without it. */
export interface ChatLiftRun {
  readonly results: StoreResults;
  readonly lift: ChatLift;
}

/**
 * Runs the store twice with the same seed, with its chat desk and without it (`withoutChatDesk`),
 * and matches sessions by id. Ids are given in arrival order by one arrival process whose streams do
 * not depend on chat, and each shopper's random streams are derived from that id, so session `i` is the
 * same shopper making the same draws in both runs until a chat changes what happens to them.
 */
export function measureChatLift(config: StoreModelConfig, options: MeasureChatLiftOptions): ChatLiftRun {
  const withDesk = sessionOutcomes(config, options.seed, options.onSession);
  const withoutDesk = sessionOutcomes(withoutChatDesk(config), options.seed);
  if (withDesk.ordered.length !== withoutDesk.ordered.length) {
    // Would mean arrivals depend on chat: the pairing below would be wrong.
    throw new Error(`paired runs disagree on sessions: ${withDesk.ordered.length} with the desk, ${withoutDesk.ordered.length} without`);
  }
  const differences: number[] = [];
  let chatterOrders = 0;
  let chatterOrdersWithoutDesk = 0;
  let otherOrders = 0;
  let others = 0;
  for (let id = 0; id < withDesk.ordered.length; id++) {
    if (withDesk.chatted[id] === 1) {
      chatterOrders += withDesk.ordered[id];
      chatterOrdersWithoutDesk += withoutDesk.ordered[id];
      differences.push(withDesk.ordered[id] - withoutDesk.ordered[id]);
    } else {
      otherOrders += withDesk.ordered[id];
      others++;
    }
  }
  const chatters = differences.length;
  const causal = lift(rate(chatterOrders, chatters), rate(chatterOrdersWithoutDesk, chatters));
  const naive = lift(rate(chatterOrders, chatters), rate(otherOrders, others));
  const interval = chatters >= 2 ? tInterval(differences) : null;
  const pointsInterval = interval?.lower == null || interval.upper == null ? null : { lower: interval.lower * 100, upper: interval.upper * 100 };
  return {
    results: withDesk.results,
    lift: { chatters, nonChatters: others, causal: { ...causal, pointsInterval }, naive, explanation: chatLiftExplanation(causal, naive) },
  };
}

/** Per session id: ordered (0/1) and had a chat answered (0/1). */
function sessionOutcomes(
  config: StoreModelConfig,
  seed: string | number,
  onSession?: (record: SessionRecord) => void,
): { results: StoreResults; ordered: number[]; chatted: number[] } {
  const ordered: number[] = [];
  const chatted: number[] = [];
  const results = simulateStore(config, {
    seed,
    onSession(record: SessionRecord) {
      ordered[record.id] = record.outcome === "order" ? 1 : 0;
      chatted[record.id] = record.chatted ? 1 : 0;
      onSession?.(record);
    },
  });
  return { results, ordered, chatted };
}

function rate(count: number, of: number): number | null {
  return of > 0 ? count / of : null;
}

/**
 * The lift of `treated` over `comparison`.
 *
 * @example
 * lift(0.2, 0.05) // { points: 15, relative: 3, ... }: 15 percentage points, +300%
 */
export function lift(treatedRate: number | null, comparisonRate: number | null): Lift {
  const points = treatedRate === null || comparisonRate === null ? null : (treatedRate - comparisonRate) * 100;
  const relative = treatedRate === null || comparisonRate === null || comparisonRate === 0 ? null : treatedRate / comparisonRate - 1;
  return { treatedRate, comparisonRate, points, relative };
}
