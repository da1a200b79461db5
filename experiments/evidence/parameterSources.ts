// The source registry: for every behavioural parameter of the shipped scenarios, the published
// figures it is anchored to, or the statement that it is an assumption with the range we consider
// plausible. The schema docs, `simulate --json` and the report's methodology section all read it.

/**
 * How a parameter relates to published evidence:
 * - `published`: its value is the published figure (or read off it directly);
 * - `calibrated`: set so the model's output reproduces the figures (the baseline tests check them);
 * - `assumption`: no published figure found; `range` is what we consider plausible.
 */
export type SourceKind = "published" | "calibrated" | "assumption";

/** One parameter (or family of parameters) and where its default comes from. */
export interface ParameterSource {
  /** Which scenario format the path belongs to. */
  readonly mode: "store" | "chatOnly";
  /**
   * Dotted path in the scenario as written; `[*]` stands for any list index, `*` for any key. The
   * entry covers everything under the path (a distribution's mean and sd, every reason of a record).
   */
  readonly path: string;
  readonly kind: SourceKind;
  /** Ids in experiments/evidence/publishedFigures.json. */
  readonly figures: readonly string[];
  /** Plausible range (in the parameter's own unit; for a distribution, of its mean). */
  readonly range?: { readonly low: number; readonly high: number };
  /** How the value follows from the figures, or why it is an assumption. */
  readonly note: string;
}

/** The causal chat lift the baseline is anchored to, in percentage points (points reading). */
export const CHAT_LIFT_TARGET = {
  figure: "liveChat.causalPurchaseLift",
  reading: "percentagePoints",
  lowPoints: 10,
  highPoints: 22,
  why: "Tan, Wang & Tan's 15.99% is read as percentage points: a probit purchase model with chat as a selection equation reports the chat effect as a difference of probabilities (see the figure's note)",
} as const;

const store = (path: string, kind: SourceKind, figures: readonly string[], note: string, range?: { low: number; high: number }): ParameterSource => ({
  mode: "store",
  path,
  kind,
  figures,
  note,
  ...(range ? { range } : {}),
});
const chatOnly = (path: string, kind: SourceKind, figures: readonly string[], note: string, range?: { low: number; high: number }): ParameterSource => ({
  mode: "chatOnly",
  path,
  kind,
  figures,
  note,
  ...(range ? { range } : {}),
});

/** Every behavioural parameter of the shipped scenarios and its anchor. */
export const PARAMETER_SOURCES: readonly ParameterSource[] = [
  // Shoppers
  store(
    "segments[*].weight",
    "published",
    ["visitors.deviceTrafficShare"],
    "device shares of sessions; the baseline leans a little more to desktop than the 2017 study (0.40 vs 0.36)",
    { low: 0.05, high: 0.6 },
  ),
  store(
    "segments[*].returningProbability",
    "assumption",
    ["visitors.returningVsNew"],
    "no published share of returning sessions was found; Monetate gives their conversion, not their share",
    { low: 0.2, high: 0.45 },
  ),
  store("segments[*].pageViews", "assumption", [], "pages before the add-to-cart decision; only the add-to-cart rate it leads to is anchored", {
    low: 2,
    high: 8,
  }),
  store("segments[*].dwellSeconds", "assumption", [], "seconds per browsing page", { low: 15, high: 60 }),
  store(
    "segments[*].addToCartProbability",
    "calibrated",
    ["funnel.addToCartRate", "visitors.returningVsNew"],
    "sessions with an add to cart: 7.16% overall (baseline test: within ±1 point)",
  ),
  store("segments[*].cartValue", "calibrated", ["funnel.averageOrderValue"], "cart values give an average order of about $130 (baseline test: within ±10%)"),
  store(
    "segments[*].priceSensitivity",
    "calibrated",
    ["checkoutReasons", "cartAbandonment.byDevice"],
    "scales sticker shock per segment; with stickerShock.sensitivity it reproduces the 'extra costs' share",
    { low: 0.7, high: 1.3 },
  ),
  store("segments[*].techComfort", "assumption", [], "lowers form errors and friction; mobile shoppers lower", { low: 0.3, high: 0.9 }),
  store(
    "segments[*].chatOpenness",
    "calibrated",
    ["invitations.cartOnlyAcceptance", "invitations.likeProactiveChat"],
    "acceptance of an early invitation while hesitating; set so that about 22% of invitations inside the cart are accepted (BoldChat: over 20%); 27% of online adults say they like proactive chat",
    { low: 0.08, high: 0.4 },
  ),
  store("segments[*].helpProbability", "assumption", [], "share of hesitating shoppers who press 'Need help?'; no published figure found", {
    low: 0.05,
    high: 0.25,
  }),
  store(
    "segments[*].patienceSeconds",
    "calibrated",
    ["liveChat.averageQueueWaitSeconds", "chatOperations.csatByWait"],
    "queue patience: waits of 35-46 s are the norm and satisfaction drops after about 3 min",
    { low: 90, high: 360 },
  ),
  store(
    "segments[*].returningAddToCartRatio",
    "published",
    ["visitors.returningVsNew"],
    "returning visitors add to cart 15% ÷ 8% as often as new ones (Monetate); each segment's average add-to-cart probability is kept",
  ),
  store(
    "segments[*].justBrowsingMultiplier",
    "calibrated",
    ["cartAbandonment.byDevice", "cartAbandonment.average"],
    "scales the 'just browsing' hazard per device so mobile and tablet abandon 12.6 and 7.7 points more carts than desktop (Barilliance's gaps, not its levels) with the overall at Baymard's 70%",
    { low: 0.6, high: 1.4 },
  ),
  store(
    "segments[*].invitationSensitivity",
    "calibrated",
    ["liveChat.leftOverBadInvitations"],
    "a declined unwanted invitation makes a few shoppers leave; 20% say they once left over a pushy invitation, per visit it is far fewer",
    { low: 0.01, high: 0.1 },
  ),
  // Funnel
  store("funnel.cart.seconds", "assumption", [], "seconds on the cart page", { low: 15, high: 60 }),
  store(
    "funnel.cart.hazards",
    "calibrated",
    ["cartAbandonment.average"],
    "'just browsing' at the cart sets the level of cart abandonment (baseline test: 70.19% within ±3 points)",
  ),
  store(
    "funnel.steps[*].fillSeconds",
    "assumption",
    ["checkoutForm.averageFields", "checkoutForm.averageSteps"],
    "seconds on a step's page besides typing its fields; the baseline has 4 steps and 11 fields, close to Baymard's 5.1 steps and 11.3 fields",
    { low: 15, high: 90 },
  ),
  store(
    "funnel.steps[*].fields[*].errorProbability",
    "assumption",
    ["checkoutForm.inlineValidation"],
    "first-entry error chance per field; no published per-field rate found",
    { low: 0, high: 0.1 },
  ),
  store(
    "funnel.steps[*].hazards",
    "calibrated",
    ["checkoutReasons", "cartAbandonment.average"],
    "per-step hazards reproduce Baymard's reason mix (baseline test: each share within ±2 points)",
  ),
  store("funnel.stickerShock", "calibrated", ["checkoutReasons"], "extra costs are the top reason (48% of answers); hidden totals 21%"),
  store(
    "funnel.friction.secondsPerError",
    "assumption",
    ["checkoutForm.inlineValidation"],
    "idle seconds lost per form error (inline validation cuts completion time by 42%)",
    { low: 10, high: 40 },
  ),
  store("funnel.friction.hazardPerError", "calibrated", ["checkoutReasons"], "errors feed 'too long or complicated' (22% of answers)"),
  store("funnel.friction.helpProbabilityPerError", "assumption", [], "chance that an error makes a shopper ask for help", { low: 0.01, high: 0.1 }),
  store(
    "funnel.steps[*].fields[*].typingSeconds",
    "assumption",
    ["checkoutForm.averageFields"],
    "active seconds to type or pick one field's value; a field that never errs still costs them",
    { low: 2, high: 15 },
  ),
  store(
    "funnel.friction.confusion.probabilityPerError",
    "assumption",
    [],
    "chance that one form error confuses the shopper (k errors: 1 − (1 − p)^k); no published rate found",
    { low: 0.1, high: 0.6 },
  ),
  store(
    "funnel.friction.confusion.hazard",
    "calibrated",
    ["checkoutReasons"],
    "with hazardPerError it makes errors feed 'too long or complicated' (22% of answers)",
  ),
  store("funnel.friction.confusion.pauseSeconds", "assumption", [], "idle pause of a shopper who becomes confused (re-reading, going back and forth)", {
    low: 5,
    high: 60,
  }),
  store(
    "funnel.inlineHelp.errorReduction",
    "assumption",
    ["checkoutForm.inlineValidationErrors"],
    "inline help's cut in error chances; 22% is what inline validation achieved (the nearest published figure), help text may do less",
    { low: 0.1, high: 0.4 },
  ),
  store("funnel.inlineHelp.readingSecondsPerField", "assumption", [], "seconds of reading each field's help costs", { low: 1, high: 5 }),
  store(
    "funnel.autoSave.returnProbability",
    "assumption",
    [],
    "share of shoppers who leave mid-form and come back to a saved form (a return visit); no published rate found",
    { low: 0.03, high: 0.2 },
  ),
  store(
    "funnel.autoSave.returnDelaySeconds",
    "assumption",
    [],
    "time from leaving mid-form to the return visit: exponential with a 24 h mean; no published distribution of the time to come back to a saved checkout found",
    { low: 7200, high: 259_200 },
  ),
  store(
    "funnel.autoSave.finishProbability",
    "assumption",
    [],
    "share of auto-save return visits that place the order: the form is filled, only confirming is left",
    {
      low: 0.7,
      high: 1,
    },
  ),
  store("funnel.autoSave.costPerSession", "assumption", [], "what auto-save costs per session: 0 when built in-house, a vendor's metered price otherwise", {
    low: 0,
    high: 0.01,
  }),
  store("funnel.friction.fixProbability", "assumption", [], "chance of fixing a field on the next try", { low: 0.6, high: 0.95 }),
  store(
    "funnel.hesitation.lingerSeconds",
    "assumption",
    ["invitations.inviteDelayTest"],
    "idle seconds before leaving; 30 and 60 s invitation delays both catch shoppers",
    { low: 20, high: 90 },
  ),
  store(
    "funnel.hesitation.exitIntentProbability",
    "assumption",
    [],
    "share of departures with a detectable exit intent, by device (mouse-out exists only on desktop)",
    { low: 0.2, high: 0.7 },
  ),
  store("funnel.hesitation.pauseProbability", "assumption", [], "shoppers who carry on but pause idle (false positives of idle triggers)", {
    low: 0.1,
    high: 0.4,
  }),
  store("funnel.hesitation.pauseSeconds", "assumption", [], "length of such a pause", { low: 10, high: 60 }),
  // Chat
  store("chat.acceptanceIfNotHesitating", "assumption", ["invitations.noBaseAcceptanceRate"], "acceptance multiplier for shoppers who need no help", {
    low: 0.1,
    high: 0.5,
  }),
  store("chat.acceptanceOnExitIntent", "assumption", [], "acceptance multiplier for an invitation shown as the shopper leaves", { low: 0.4, high: 0.9 }),
  store(
    "chat.invitationAcceptance.laterAfterSeconds",
    "published",
    ["invitations.acceptanceByTimeOnSite"],
    "invitations after 2-3 min on site do better: the split point is 2 min",
  ),
  store(
    "chat.invitationAcceptance.laterMultiplier",
    "calibrated",
    ["invitations.acceptanceByTimeOnSite"],
    "×1.65 makes the observed later/earlier acceptance ratio 1.79 (the rest is who gets invited late)",
  ),
  store(
    "chat.invitationAcceptance.returningMultiplier",
    "calibrated",
    ["invitations.returningVisitorsEngage"],
    "×1.58 makes the observed returning/new acceptance ratio 1.64",
  ),
  store(
    "chat.repeatInvitationAnnoyance",
    "assumption",
    ["liveChat.leftOverBadInvitations"],
    "each further invitation in a visit multiplies the chance that a decline makes the shopper leave; pushy invitations drive 20% of shoppers away at some point, the growth per repeat is not published",
    { low: 1, high: 3 },
  ),
  store(
    "chat.rescueProbability",
    "calibrated",
    ["liveChat.causalPurchaseLift", "liveChat.heelsComVideoChat"],
    "scaled so the causal lift for chat users (paired run without the desk) is 10-22 percentage points around Tan, Wang & Tan's 15.99 (points reading); the higher values for information reasons are an assumption; the naive Heels.com gap is self-selection and is not a target",
  ),
  store(
    "chat.orderValueUplift",
    "assumption",
    ["liveChat.heelsComVideoChat"],
    "Heels.com chatters' orders were 32% larger, but that is self-selected; a tenth of it is assumed causal",
    { low: 0, high: 0.3 },
  ),
  store(
    "chat.handleSeconds",
    "published",
    ["liveChat.averageChatDurationSeconds", "chatOperations.zendesk2015"],
    "chat duration 715 s (Comm100), 635 s (Zendesk)",
  ),
  store(
    "chat.rescueLossPerExtraChat",
    "assumption",
    ["liveChat.multitaskingQuality"],
    "each extra concurrent chat the agent holds lowers the rescue chance by this share; only the direction is published (Goes, Ilk, Lin & Zhao 2018)",
    { low: 0, high: 0.15 },
  ),
  store(
    "chat.slowdownPerExtraChat",
    "calibrated",
    ["liveChat.erlangConcurrencyFactor", "liveChat.multitaskingQuality"],
    "2 chats ≈ 1.7 agent equivalents and 3 ≈ 2.5, i.e. each chat 15-20% slower per extra chat",
    { low: 0.1, high: 0.25 },
  ),
  // Agents: operating choices, but their defaults are anchored
  store("agents.concurrency", "published", ["liveChat.concurrentChatsPerAgent"], "2-3 chats per agent"),
  store("agents.shrinkage", "published", ["staffing.shrinkage"], "tier-1 shrinkage 20-30%"),
  // Chat-only contact centre
  chatOnly("handleSeconds", "published", ["liveChat.averageChatDurationSeconds", "chatOperations.zendesk2015"], "about 10-12 min per chat"),
  chatOnly("slowdownPerExtraChat", "calibrated", ["liveChat.erlangConcurrencyFactor"], "2 chats ≈ 1.7 agent equivalents", { low: 0.1, high: 0.25 }),
  chatOnly(
    "patienceSeconds",
    "calibrated",
    ["liveChat.averageQueueWaitSeconds", "chatOperations.csatByWait"],
    "customers give up after about 2.5 min on average",
    { low: 90, high: 360 },
  ),
  chatOnly("agents.concurrency", "published", ["liveChat.concurrentChatsPerAgent"], "2-3 chats per agent"),
  chatOnly("agents.shrinkage", "published", ["staffing.shrinkage"], "tier-1 shrinkage 20-30%"),
];

/**
 * The registry entry covering a concrete scenario path (e.g. `segments[2].chatOpenness` or
 * `chat.rescueProbability.returnsPolicy`), or undefined when none does.
 *
 * @example
 * sourceOf("store", "segments[0].cartValue.mean")?.figures // ["funnel.averageOrderValue"]
 */
export function sourceOf(mode: "store" | "chatOnly", path: string): ParameterSource | undefined {
  return PARAMETER_SOURCES.find((entry) => entry.mode === mode && covers(entry.path, path));
}

/** Whether registry `pattern` covers concrete `path` (the path itself or anything under it). */
export function covers(pattern: string, path: string): boolean {
  const patternParts = splitPath(pattern);
  const pathParts = splitPath(path);
  if (pathParts.length < patternParts.length) return false;
  return patternParts.every((part, i) => part === "*" || part === pathParts[i]);
}

/** `a.b[2].c` and `a.b[*].c` → ["a", "b", "2", "c"] / ["a", "b", "*", "c"]. */
export function splitPath(path: string): string[] {
  return path
    .replace(/\[([^\]]*)\]/g, ".$1")
    .split(".")
    .filter((part) => part.length > 0);
}

/**
 * One line a reader can check: the kind and the figure ids, or the assumption's range.
 *
 * @example
 * citation(sourceOf("store", "chat.handleSeconds")!) // "source: published (liveChat.averageChatDurationSeconds, chatOperations.zendesk2015)"
 */
export function citation(entry: ParameterSource): string {
  const figures = entry.figures.length > 0 ? ` (${entry.figures.join(", ")})` : "";
  if (entry.kind === "assumption") {
    const range = entry.range ? `, plausible ${entry.range.low}-${entry.range.high}` : "";
    return `source: assumption${range}${entry.figures.length > 0 ? `; context${figures}` : ""}`;
  }
  return `source: ${entry.kind}${figures}`;
}
