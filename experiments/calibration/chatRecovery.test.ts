// Recovery of the chat parameters: a known store (the fast baseline day with a proactive policy that
// invites idle shoppers from the cart on, a 30% holdout and a desk that sometimes queues) is
// simulated with fixed seeds as the "observed" data, its chat parameters are perturbed (acceptance
// ×1.3, help requests ×1.5, patience ×0.7, rescue ×0.6), and calibrate must bring them back.
//
// Tolerance: three of the standard errors calibrate reports for each factor (delta method on the
// target share, from the observed and the simulated counts, divided by the measured elasticity), so
// a miss is a 3-sigma event if the reported error is right; nothing here was tuned to pass.
// The desk has 14 agents: busy enough that chats queue and some give up, not so busy that abandonment
// follows the excess load alone. With 12 (a saturated desk) patience is not identified from these
// rows, and calibrate's reported error for it was not trustworthy either: one merge of unrelated
// model changes moved its fit from 579 s to 672 s against the true 200 s while the reported error
// shrank from ±141% to ±50% (an open defect of the elasticity estimate, not hidden here).
// The causal lift: the holdout estimate from the observed rows must hold, within its 95% interval,
// the true lift for chat users that experiments/chatLift measures on the same sessions (paired runs
// with and without the desk).
import { describe, expect, it } from "vitest";
import type { StoreModelConfig, StoreResults } from "../../sim/model/index.ts";
import { measureChatLift } from "../chatLift/index.ts";
import { calibrateScenario } from "./calibrateScenario.ts";
import { fastBaselineData, loadData, mergeRows, valueAt } from "./testFunnel.ts";

const SESSIONS = 20_000;
const OBSERVED_SEEDS = ["chat-observed:1", "chat-observed:2", "chat-observed:3"];
/** Generous: a fit is a few dozen simulated days, and the test machine may be busy. */
const TIMEOUT_MS = 30 * 60 * 1000;

function chatStore(): Record<string, any> {
  const data = fastBaselineData(SESSIONS);
  data.agents.schedule = 14; // see the header: 12 saturates the desk
  for (const segment of data.segments) {
    segment.chatOpenness *= 2.5;
    // The baseline's patience is uncertain (a range); the known store has one value.
    segment.patienceSeconds = { kind: "exponential", mean: 200 };
  }
  data.chat.policy = {
    name: "idle from cart",
    rules: [{ name: "idle", when: "step in [cart, account, shipping, payment, review] and idleSeconds >= 10" }],
    holdout: 0.3,
  };
  return data;
}

describe("calibrateScenario with chat outcomes and a holdout", () => {
  const truth = chatStore();
  const truthConfig = loadData(truth).config as StoreModelConfig;
  const paired = OBSERVED_SEEDS.map((seed) => measureChatLift(truthConfig, { seed }));
  // Only the sessions outside the holdout chat, so the true lift is theirs.
  const chatters = paired.reduce((sum, run) => sum + run.lift.chatters, 0);
  const trueLiftPoints = paired.reduce((sum, run) => sum + run.lift.chatters * run.lift.causal.points!, 0) / chatters;
  const rows = mergeRows(
    paired.map((run) => run.results as StoreResults),
    false,
    true,
  ).filter((row) => row.kind !== "reached" || row.step === "cart");

  const perturbed = chatStore();
  for (const segment of perturbed.segments) {
    segment.chatOpenness *= 1.3;
    segment.helpProbability *= 1.5;
    segment.patienceSeconds.mean *= 0.7;
  }
  perturbed.funnel.friction.helpProbabilityPerError *= 1.5;
  for (const reason of Object.keys(perturbed.chat.rescueProbability)) perturbed.chat.rescueProbability[reason] *= 0.6;
  const fit = calibrateScenario(loadData(perturbed), rows, { replications: 2, seed: 17, workers: 1 });

  it(
    "recovers acceptance, help requests, patience and rescue within 3 reported standard errors of the truth",
    async () => {
      const { calibration } = await fit;
      const groups = [...new Set(calibration.parameters.map((value) => value.group))];
      expect(groups).toEqual(["add to cart", "invitation acceptance", "help requests", "queue patience", "rescue"]);
      for (const value of calibration.parameters) {
        const original = valueAt(truth, value.path);
        const error = Math.abs(Math.log(value.after / original));
        const tolerance = 3 * value.relativeStandardError!;
        expect(error, `${value.path}: ${value.after} vs true ${original} (tolerance ±${(tolerance * 100).toFixed(1)}%)`).toBeLessThanOrEqual(tolerance);
      }
      expect(calibration.chat.identifiability.every((entry) => entry.identified)).toBe(true);
      // A note says so where the data pin a factor down only loosely (patience, here: in a queue this
      // busy, abandonment follows the excess load more than the patience).
      for (const entry of calibration.chat.identifiability) {
        const error = calibration.parameters.find((value) => value.group === entry.parameter)!.relativeStandardError!;
        expect(entry.note.includes("weakly identified"), entry.note).toBe(error > 0.25);
      }
    },
    TIMEOUT_MS,
  );

  it(
    "with a holdout the recovered causal lift holds the true lift (chatLift, same sessions) within its 95% interval, and the note says it is identified",
    async () => {
      const { calibration } = await fit;
      const lift = calibration.chat.causalLift.data!;
      expect(
        trueLiftPoints,
        `holdout lift ${lift.points.toFixed(2)} [${lift.lower.toFixed(2)}, ${lift.upper.toFixed(2)}], true ${trueLiftPoints.toFixed(2)} points`,
      ).toBeGreaterThanOrEqual(lift.lower);
      expect(trueLiftPoints).toBeLessThanOrEqual(lift.upper);
      expect(calibration.notes.some((note) => /^rescue: with a holdout the causal lift is identified/.test(note))).toBe(true);
      // The fitted model's own holdout lift, from its simulated rows.
      expect(calibration.chat.causalLift.model).not.toBeNull();
    },
    TIMEOUT_MS,
  );
});
