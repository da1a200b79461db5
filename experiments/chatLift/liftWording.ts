// What a chat lift is and how every output words it, without the simulation or the statistics that
// measure it: the CLI summary imports this alone, so `simulate` loads no t distribution to print it.
import { createFormatter, type Formatter } from "../format/index.ts";

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
