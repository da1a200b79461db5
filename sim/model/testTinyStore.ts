// Test support only (not re-exported): the tiny store the model's timeline tests start from.

import { resolvePolicy } from "../policy/index.ts";
import { DEFAULT_DESK_CONFIG, type StoreModelConfig } from "./config.ts";

export const DWELL_SECONDS = 10;
export const CART_SECONDS = 5;
export const PAYMENT_FILL_SECONDS = 20;
export const LINGER_SECONDS = 120;
export const PATIENCE_SECONDS = 40;
const INTERVAL_SECONDS = 3600;
const SESSIONS_PER_DAY = 400;
/**
 * A store so small that every session's timeline is known in advance: one segment, one browse page, a
 * certain add to cart, a cart step without hazards and one checkout step, "payment", with no fields
 * and a `cardDeclined` hazard; one proactive rule `condition`, no agents online. Tests override parts.
 */
export function tinyStore(condition: string, paymentHazard: number): StoreModelConfig {
  const intervals = 86400 / INTERVAL_SECONDS;
  return {
    kind: "store",
    name: "tiny store",
    horizon: { days: 1, intervalSeconds: INTERVAL_SECONDS },
    sessionRatesPerSecond: new Array(intervals).fill(SESSIONS_PER_DAY / 86400),
    segments: [
      {
        name: "everyone",
        weight: 1,
        device: "desktop",
        returningProbability: 0,
        pageViews: { kind: "constant", value: 1 },
        dwellSeconds: { kind: "constant", value: DWELL_SECONDS },
        addToCartProbability: 1,
        returningAddToCartRatio: 1,
        justBrowsingMultiplier: 1,
        cartValue: { kind: "constant", value: 80 },
        priceSensitivity: 1,
        techComfort: 0.5,
        chatOpenness: 1,
        helpProbability: 0,
        patienceSeconds: { kind: "constant", value: PATIENCE_SECONDS },
        invitationSensitivity: 0,
      },
    ],
    // No extra costs and no hidden-total hazard: the payment hazard is the only reason to leave.
    pricing: {
      shippingFee: 0,
      freeShippingThreshold: Infinity,
      taxRate: 0,
      fixedFee: 0,
      showTotalUpfront: false,
      marginRate: 0.3,
      shippingCostPerOrder: 7.95,
      paymentFeeRate: 0.029,
      paymentFeePerOrder: 0.3,
      thresholdPadding: { probability: 0, reachShare: 0 },
    },
    funnel: {
      cartHazards: {},
      cartSeconds: { kind: "constant", value: CART_SECONDS },
      steps: [
        {
          name: "payment",
          fillSeconds: { kind: "constant", value: PAYMENT_FILL_SECONDS },
          fields: [],
          hazards: { cardDeclined: paymentHazard },
          revealsTotal: false,
        },
      ],
      stickerShock: { sensitivity: 0, hiddenTotalHazardPerStep: 0 },
      friction: {
        secondsPerError: 0,
        hazardPerError: 0,
        helpProbabilityPerError: 0,
        fixProbability: 1,
        confusion: { probabilityPerError: 0, hazard: 0, pauseSeconds: { kind: "constant", value: 0 } },
      },
      hesitation: {
        lingerSeconds: { kind: "constant", value: LINGER_SECONDS },
        exitIntentProbability: { desktop: 0, mobile: 0, tablet: 0 },
        pauseProbability: 0,
        pauseSeconds: { kind: "constant", value: 0 },
      },
      inlineHelp: { enabled: false, errorReduction: 0, readingSecondsPerField: 0 },
      autoSave: { enabled: false, returnProbability: 0, returnDelaySeconds: { kind: "constant", value: 0 }, finishProbability: 1, costPerSession: 0 },
    },
    chat: {
      policy: resolvePolicy({ name: "idle-on-payment", reactive: { enabled: false }, rules: [{ name: "idle-payment", when: condition }] }),
      acceptance: { ifNotHesitating: 1, onExitIntent: 1, laterAfterSeconds: 0, laterMultiplier: 1, returningMultiplier: 1 },
      repeatInvitationAnnoyance: 1,
      rescueProbability: {},
      orderValueUplift: 0,
      handleSeconds: { kind: "constant", value: 300 },
      slowdownPerExtraChat: 0,
      serviceLevelSeconds: 30,
      queueDiscipline: "fifo",
      rescueLossPerExtraChat: 0,
    },
    agents: { scheduled: new Array(intervals).fill(0), shrinkage: 0, concurrency: 1, costPerHour: 0 },
    desk: DEFAULT_DESK_CONFIG,
  };
}
