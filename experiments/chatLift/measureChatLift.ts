import { type SessionRecord, type StoreModelConfig, type StoreResults, simulateStore } from "../../sim/model/index.ts";
import { createFormatter, type Formatter } from "../format/index.ts";
import { tInterval } from "../stats/index.ts";
import { withoutChatDesk } from "./withoutChatDesk.ts";

/** Numbers in the stored explanation: the default locale (money does not appear in it). */
const DEFAULT_FORMATTER = createFormatter({ currency: "USD" });

/** A lift of one purchase rate over another, in percentage points and relative. */
export interface Lift {
  /** Purchase rate of the group that chatted (or: with the desk). */
  readonly treatedRate: number | null;
  /** Purchase rate of the comparison group. */
  readonly comparisonRate: number | null;
  /** treatedRate − comparisonRate, in percentage points (0.05 = 5 points is written 5). */
  readonly points: number | null;
  /** treatedRate ÷ comparisonRate − 1 (0.2 = +20%); null when the comparison rate is 0. */
  readonly relative: number | null;
}

/** Causal and naive chat lift of one run, side by side. */
export interface ChatLift {
  /** Sessions that had a chat answered in the run with the desk. */
  readonly chatters: number;
  readonly nonChatters: number;
  /**
   * The same shoppers with the desk vs without it (paired counterfactual run, same seed): purchase
   * rate of the chatters in the real run against the purchase rate of the same sessions in the run
   * without the desk. `pointsInterval` is the 95% t interval of the mean paired difference, in points.
   */
  readonly causal: Lift & { readonly pointsInterval: { lower: number; upper: number } | null };
  /** Chatters vs non-chatters in the one run with the desk: what a dashboard shows. */
  readonly naive: Lift;
  /** Why the two differ, in one sentence with the numbers. */
  readonly explanation: string;
}

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

/**
 * A lift in percentage points as every output writes it, signed and with one decimal, through the
 * formatter (`formatLiftPoints(10, format)` → `"+10.0 pp"`): the summary's rows and the explanation
 * name the same quantity in the same words.
 */
export function formatLiftPoints(points: number | null, format: Formatter): string {
  return points === null ? "–" : format.pp(points / 100, 1);
}

/**
 * Why the causal and naive lifts differ, in one sentence with the numbers, through `format` (the
 * scenario's locale); measureChatLift stores it in the default locale.
 */
export function chatLiftExplanation(causal: Lift, naive: Lift, format: Formatter = DEFAULT_FORMATTER): string {
  if (causal.points === null || naive.points === null) return "no session had a chat answered, so there is no chat lift to measure";
  return (
    `chatters would have bought ${format.percent(causal.comparisonRate, 1)} of the time without the desk, against ${format.percent(naive.comparisonRate, 1)} for shoppers who did not chat: ` +
    `shoppers who chat are the ones with a cart and a reason to hesitate (self-selection), so the naive gap of ${formatLiftPoints(naive.points, format)} ` +
    `overstates what chat causes (${formatLiftPoints(causal.points, format)})`
  );
}
