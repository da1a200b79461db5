// Example policies, as data exactly as a scenario file would write them.

import { deepFreeze } from "./deepFreeze.ts";
import type { PolicyOptions } from "./types.ts";

/** Four reference policies, keyed by name, deeply frozen. Each resolves with resolvePolicy. */
export const EXAMPLE_POLICIES: Readonly<Record<string, PolicyOptions>> = deepFreeze({
  "reactive-only": {
    name: "reactive-only",
    description: "Only the Need help button; never invite",
    reactive: { enabled: true },
    rules: [],
  },
  "idle-on-payment": {
    name: "idle-on-payment",
    description: "Invite shoppers idle for 30 s on payment or review, when an agent can answer soon",
    rules: [{ name: "idle-payment", when: "step in [payment, review] and idleSeconds >= 30" }],
    caps: { perPage: 1, perVisit: 2, afterDecline: false, minGapSeconds: 60 },
    gating: { maxQueueLength: 3, maxPredictedWaitSeconds: 60 },
  },
  "exit-intent-high-value": {
    name: "exit-intent-high-value",
    description: "Invite shoppers about to leave with a cart of 150 or more, only to a free agent",
    rules: [{ name: "exit-high-value", when: "exitIntent and cartValue >= 150", priority: 1 }],
    caps: { perPage: 1, perVisit: 1, afterDecline: false },
    gating: { requireFreeSlot: true },
    priority: { highValueCartAbove: 300, highValueBoost: 1 },
  },
  aggressive: {
    name: "aggressive",
    description: "Invite on any checkout step after 10 s idle or after 6 page views; loose caps, no gating",
    rules: [
      { name: "idle-checkout", when: "step in [account, shipping, payment, review] and idleSeconds >= 10" },
      { name: "many-pages", when: "pageViews >= 6" },
    ],
    caps: { perPage: 2, perVisit: 5, afterDecline: true, minGapSeconds: 20 },
    gating: { requireFreeSlot: false },
  },
});
