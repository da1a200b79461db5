// Recovery of the chat parameters: a known store (the fast baseline day with a proactive policy that
// invites idle shoppers from the cart on, a 30% holdout and a desk that sometimes queues) is
// simulated with fixed seeds as the "observed" data, its chat parameters are perturbed (acceptance
// ×1.3, help requests ×1.5, patience ×0.7, rescue ×0.6), and calibrate must bring them back.
//
// Tolerance: three of the standard errors calibrate reports for each factor (for the chat factors,
// from their scanned 95% interval; for add to cart, the delta method on the target share divided by
// the measured elasticity), so a miss is a 3-sigma event if the reported error is right; nothing
// here was tuned to pass.
// The desk has 14 agents: busy enough that chats queue and some give up, not so busy that abandonment
// follows the excess load alone. With 12 (a saturated desk) patience is barely identified from these
// rows. The delta-method error calibrate used to report there was not trustworthy: one merge of
// unrelated model changes moved its fit from 579 s to 672 s against the true 200 s while the reported
// error shrank from ±141% to ±50%. The scanned interval must hold the truth or say "not identified".
// The causal lift: the holdout estimate from the observed rows must hold, within its 95% interval,
// the true lift for chat users that experiments/chatLift measures on the same sessions (paired runs
// with and without the desk).
import { describe, expect, it } from "vitest";
import type { StoreModelConfig, StoreResults } from "../../sim/model/index.ts";
import { measureChatLift } from "../chatLift/index.ts";
import { type CalibrationResults, calibrateScenario } from "./calibrateScenario.ts";
import { CAUSAL_LIFT_LABEL } from "./causalLiftTarget.ts";
import { fastBaselineData, loadData, mergeRows, valueAt } from "./testFunnel.ts";

const SESSIONS = 20_000;
const OBSERVED_SEEDS = ["chat-observed:1", "chat-observed:2", "chat-observed:3"];
/** Generous: a fit is a few dozen simulated days, and the test machine may be busy. */
const TIMEOUT_MS = 30 * 60 * 1000;

function chatStore(agents = 14): Record<string, any> {
  const data = fastBaselineData(SESSIONS);
  data.agents.schedule = agents; // see the header: 12 saturates the desk
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

/** The fit, run when a test first asks for it (so a filtered run fits only what it tests). */
function once<T>(make: () => Promise<T>): () => Promise<T> {
  let promise: Promise<T> | undefined;
  return () => (promise ??= make());
}

/** The known store's observed rows (chat rows; funnel totals at the cart only) and its true lift for chat users, from paired runs. */
function observedStore(truth: Record<string, any>) {
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
  return { rows, trueLiftPoints };
}

/** The known store with every chat parameter moved off the truth, for calibrate to bring back. */
function perturbedStore(agents: number): Record<string, any> {
  const perturbed = chatStore(agents);
  for (const segment of perturbed.segments) {
    segment.chatOpenness *= 1.3;
    segment.helpProbability *= 1.5;
    segment.patienceSeconds.mean *= 0.7;
  }
  perturbed.funnel.friction.helpProbabilityPerError *= 1.5;
  for (const reason of Object.keys(perturbed.chat.rescueProbability)) perturbed.chat.rescueProbability[reason] *= 0.6;
  return perturbed;
}

describe("calibrateScenario with chat outcomes and a holdout", () => {
  const truth = chatStore();
  const { rows, trueLiftPoints } = observedStore(truth);
  const fitted = once(() => calibrateScenario(loadData(perturbedStore(14)), rows, { replications: 2, seed: 17, workers: 1 }));

  it(
    "recovers acceptance, help requests, patience and rescue: within 3 reported standard errors, inside the 95% interval, or flagged not identified",
    async () => {
      const { calibration } = await fitted();
      const groups = [...new Set(calibration.parameters.map((value) => value.group))];
      expect(groups).toEqual(["add to cart", "invitation acceptance", "help requests", "queue patience", "rescue"]);
      for (const value of calibration.parameters) {
        const original = valueAt(truth, value.path);
        const entry = calibration.chat.identifiability.find((candidate) => candidate.parameter === value.group);
        if (value.interval !== null) {
          // A missing bound is no bound: the interval is open on that side.
          const described = `${value.path}: ${value.after}, 95% ${value.interval.lower} to ${value.interval.upper}, true ${original}`;
          expect(original, described).toBeGreaterThanOrEqual(value.interval.lower ?? 0);
          expect(original, described).toBeLessThanOrEqual(value.interval.upper ?? Number.POSITIVE_INFINITY);
          expect(entry!.identified, described).toBe(value.interval.identified);
          if (!value.interval.identified) {
            expect(value.relativeStandardError).toBeNull();
            continue;
          }
        }
        const error = Math.abs(Math.log(value.after / original));
        const tolerance = 3 * value.relativeStandardError!;
        expect(error, `${value.path}: ${value.after} vs true ${original} (tolerance ±${(tolerance * 100).toFixed(1)}%)`).toBeLessThanOrEqual(tolerance);
      }
      // A note says so where the data pin a factor down only loosely.
      for (const entry of calibration.chat.identifiability.filter((candidate) => candidate.identified)) {
        const error = calibration.parameters.find((value) => value.group === entry.parameter)!.relativeStandardError!;
        expect(entry.note.includes("weakly identified"), entry.note).toBe(error > 0.25);
      }
    },
    TIMEOUT_MS,
  );

  it(
    "with a holdout the recovered causal lift holds the true lift (chatLift, same sessions) within its 95% interval, and the note says it is identified",
    async () => {
      const { calibration } = await fitted();
      const lift = calibration.chat.causalLift.data!;
      expect(
        trueLiftPoints,
        `holdout lift ${lift.points.toFixed(2)} [${lift.lower.toFixed(2)}, ${lift.upper.toFixed(2)}], true ${trueLiftPoints.toFixed(2)} points`,
      ).toBeGreaterThanOrEqual(lift.lower);
      expect(trueLiftPoints).toBeLessThanOrEqual(lift.upper);
      // The lift is identified; the rescue factor fitted to it may still be too loosely bounded to be (then its note says so first).
      expect(calibration.notes.some((note) => /^rescue: (not identified, .*; )?with a holdout the causal lift is identified/.test(note))).toBe(true);
      // The fitted model's own holdout lift, from its simulated rows.
      expect(calibration.chat.causalLift.model).not.toBeNull();
    },
    TIMEOUT_MS,
  );
});

describe("calibrateScenario on a saturated desk (12 agents)", () => {
  const truth = chatStore(12);
  const { rows } = observedStore(truth);
  const fitted = once(() => calibrateScenario(loadData(perturbedStore(12)), rows, { replications: 2, seed: 17, workers: 1 }));

  it(
    "the patience interval holds the true 200 s, or patience is reported not identified (never a tight wrong number)",
    async () => {
      const { calibration } = await fitted();
      const patience = calibration.parameters.find((value) => value.group === "queue patience")!;
      const interval = patience.interval!;
      const entry = calibration.chat.identifiability.find((candidate) => candidate.parameter === "queue patience")!;
      const described = `fitted ${patience.after} s, 95% interval ${interval.lower} to ${interval.upper}`;
      if (interval.identified) {
        expect(200, described).toBeGreaterThanOrEqual(interval.lower!);
        expect(200, described).toBeLessThanOrEqual(interval.upper!);
        expect(entry.identified).toBe(true);
      } else {
        expect(entry.identified, described).toBe(false);
        expect(entry.note).toMatch(/^queue patience: not identified/);
        expect(patience.relativeStandardError).toBeNull();
      }
      // Every scanned interval holds its truth or is flagged.
      for (const value of calibration.parameters.filter((candidate) => candidate.interval?.identified)) {
        const original = valueAt(truth, value.path);
        expect(original, `${value.path}: ${value.interval!.lower} to ${value.interval!.upper}`).toBeGreaterThanOrEqual(value.interval!.lower!);
        expect(original, `${value.path}: ${value.interval!.lower} to ${value.interval!.upper}`).toBeLessThanOrEqual(value.interval!.upper!);
      }
    },
    TIMEOUT_MS,
  );
});

/**
 * A store where chat self-selects: desktop shoppers (who abandon least) accept twice as often as
 * chatStore's, mobile shoppers (who abandon most) a third as often. The scenario calibrate starts
 * from believes chatStore's openness (the baseline's device ratios), with rescue at 0.6 of the truth.
 */
function selectiveStore(holdout: boolean, believed: boolean): Record<string, any> {
  const data = chatStore();
  if (!holdout) delete data.chat.policy.holdout;
  if (believed) {
    for (const reason of Object.keys(data.chat.rescueProbability)) data.chat.rescueProbability[reason] *= 0.6;
    return data;
  }
  const openness: Record<string, number> = { desktop: 2, mobile: 1 / 3, tablet: 1 };
  for (const segment of data.segments) segment.chatOpenness = Math.min(1, segment.chatOpenness * openness[segment.device]);
  return data;
}

describe("calibrateScenario's rescue fit under self-selection", () => {
  const truth = selectiveStore(true, false);
  const withHoldout = observedStore(truth);
  const withoutHoldout = observedStore(selectiveStore(false, false));
  const fitWith = once(() => calibrateScenario(loadData(selectiveStore(true, true)), withHoldout.rows, { replications: 2, seed: 17, workers: 1 }));
  const fitWithout = once(() => calibrateScenario(loadData(selectiveStore(false, true)), withoutHoldout.rows, { replications: 2, seed: 17, workers: 1 }));
  const rescueOf = (calibration: CalibrationResults) => calibration.parameters.filter((value) => value.group === "rescue");

  const described = (calibration: CalibrationResults) =>
    rescueOf(calibration)
      .map((value) => `${value.path}: fitted ${value.after}, 95% ${value.interval!.lower} to ${value.interval!.upper}, true ${valueAt(truth, value.path)}`)
      .join("; ");

  it(
    "with a holdout, rescue is fitted to the causal contrast and its 95% interval holds the truth",
    async () => {
      const { calibration } = await fitWith();
      expect(calibration.steps.some((row) => row.outcome === CAUSAL_LIFT_LABEL)).toBe(true);
      expect(calibration.steps.some((row) => row.outcome === "orders ÷ sessions with chat")).toBe(false);
      expect(rescueOf(calibration).length).toBeGreaterThan(0);
      for (const value of rescueOf(calibration)) {
        const original = valueAt(truth, value.path);
        expect(original, described(calibration)).toBeGreaterThanOrEqual(value.interval!.lower ?? 0);
        expect(original, described(calibration)).toBeLessThanOrEqual(value.interval!.upper ?? Number.POSITIVE_INFINITY);
      }
      // No claim on the direction the fit moves from its start: at this amount of data the interval
      // spans both the start (0.6 × the truth) and the truth, and with other draws the fit overshot
      // (1.75 × the truth, interval 0.43-3.2 ×). The truth inside the interval is what the data support.
    },
    TIMEOUT_MS,
  );

  it(
    "without a holdout, the rescue fit comes from the chatters' purchase rate and is flagged confounded with self-selection",
    async () => {
      const { calibration } = await fitWithout();
      expect(calibration.notes.some((note) => /^rescue: without a holdout the rescue effect is confounded with self-selection/.test(note))).toBe(true);
      expect(calibration.steps.some((row) => row.outcome === "orders ÷ sessions with chat")).toBe(true);
      // No claim on the bias's direction: at this amount of data it is within the fit's noise (one
      // draw of the streams put every rescue factor at 0.98 × the truth, interval 0.84-1.16 ×,
      // another above the truth). The note, not the number, is what protects the user here.
    },
    TIMEOUT_MS,
  );
});
