// `check` against stores we did not write, shaped like real ones (fixtures/spaShop.ts: a hash-routed
// single-page shop with overlays, sign-up, one of each product, data that arrive after the page).
// The healthy shop comes out green; each fault mode fails exactly its check, with the reason a
// shopper would give. Real HTTP server, real Chromium.
//
// CONVSIM_FIXTURE_PERSONAS=20 npx vitest run scripts/synthetic/realStores.e2e.test.ts   (the full 20; CI runs 2)

import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadScenario } from "../../experiments/index.ts";
import { launchChromium } from "../browser/index.ts";
import { type SpaShopOptions, startSpaShop } from "./fixtures/spaShop.ts";
import { TEA_CORNER_CHAT, TEA_CORNER_SIGN_IN, teaCornerProfile } from "./fixtures/teaCornerProfile.ts";
import type { PersonaSpec } from "./persona/PersonaSpec.ts";
import type { CheckName, CheckStatus, SyntheticCheckResults } from "./results/checkResults.ts";
import { runSyntheticCheck } from "./runSyntheticCheck.ts";
import { writeOutcomeTable } from "./testing/outcomeTable.ts";
import { testPersona } from "./testing/personas.ts";

const ARTIFACTS = "test-artifacts/synthetic/real-stores";
const PERSONAS = Number(process.env.CONVSIM_FIXTURE_PERSONAS ?? 2);
const scenario = loadScenario("experiments/scenarios/baseline.yaml");
// A shopper who buys Sencha (12,50 €), the first product, and finishes.
const SHOPPER = testPersona(0, {
  items: [{ pick: 0, quantity: 1 }],
  values: { "shipping.name": "Ada Lovelace", "shipping.street": "1 Main St", "shipping.city": "Berlin" },
});
// Sencha and Assam: 12,50 + 8,99 is 21.490000000000002 in binary floating point.
const TWO_ITEMS = {
  ...SHOPPER,
  items: [
    { pick: 0, quantity: 1 },
    { pick: 0.4, quantity: 1 },
  ],
  targetCartValue: 100,
};
const ALL_PASS: Record<CheckName, CheckStatus> = {
  funnel: "passed",
  money: "passed",
  formValidation: "skipped",
  chatPolicy: "skipped",
  stepTimings: "passed",
  layout: "skipped",
};

/**
 * Waits for runs whose checks are not about a wait running out (the healthy shops, wrong money, a
 * covering widget): longer than the profile's defaults. A healthy page answers in well under a
 * second, so these waits run out only when a loaded machine starves the browser: 3 s once failed
 * the healthy shop in CI ("the cookie consent did not close on #accept-cookies"). No wait in these
 * runs is meant to run out, so they take as long with 10 s as with 3 s. Runs about waits use `reason()`'s.
 */
const UNHURRIED = { navigationSeconds: 20, selectorSeconds: 10 };

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

async function checkShop(
  name: string,
  shop: SpaShopOptions,
  options: { changes?: Record<string, unknown>; specs?: PersonaSpec[]; personas?: number; timeouts?: Record<string, number> } = {},
): Promise<SyntheticCheckResults> {
  const server = await startSpaShop(shop);
  try {
    const timeouts = { ...UNHURRIED, personaSeconds: 120, ...options.timeouts };
    const profile = teaCornerProfile(server.url, { timeouts, pageBudgetSeconds: 15, ...options.changes });
    return await runSyntheticCheck({
      profile,
      scenario,
      specs: options.specs,
      personas: options.specs ? undefined : options.personas,
      seed: 11,
      browser,
      artifactsDir: `${ARTIFACTS}/${name}`,
      trace: false,
    });
  } finally {
    await server.close();
  }
}
const statuses = (results: SyntheticCheckResults, persona = "persona0") =>
  Object.fromEntries(results.checks.filter((check) => check.persona === persona).map((check) => [check.check, check.status])) as Record<CheckName, CheckStatus>;
const record = (results: SyntheticCheckResults, check: CheckName) =>
  results.checks.find((candidate) => candidate.check === check && candidate.persona === "persona0")!;

/**
 * Concurrent runs: browser contexts of the one Chromium, each against its own shop. Two, as the
 * groups ran before: four overlapped better on an idle machine but, at a load average of 40, starved
 * the pages past the timeouts the reasons are about (clicks "did not respond").
 */
const RUNS_AT_ONCE = 2;
// Failure reasons: no retries, so each reason is the first attempt's. A page gets 4 s (a click that changes
// nothing is diagnosed after 3 × 4 s); the slow sign-in takes 8 s, well past the limit and within the 12 s looked for.
const reason = (changes: Record<string, unknown> = {}) => ({
  changes: { retries: 0, ...changes },
  specs: [SHOPPER],
  timeouts: { navigationSeconds: 4, selectorSeconds: 2 },
});
const withChat = { changes: { chat: TEA_CORNER_CHAT }, specs: [SHOPPER] };
const sharedAccountShopper = {
  ...SHOPPER,
  formErrors: [
    { step: "shipping", field: "city", value: "" },
    { step: "payment", field: "cardNumber", value: "4242" },
  ],
};
/**
 * Every shop run of this file, started together in one pool (the slowest first: they wait out the
 * timeouts their reasons are about), then asserted by the tests below. Each fault mode needs one
 * persona: its check fails on the first page where the fault shows.
 */
const RUNS = {
  frozen: () => checkShop("frozen", { faults: { frozenCheckout: true } }, reason()),
  slowLogin: () => checkShop("slow-login", { faults: { slowLoginSeconds: 8 } }, reason(TEA_CORNER_SIGN_IN)),
  healthy: () => checkShop("healthy", { format: "de" }, { personas: PERSONAS }),
  // With the short waits of `reason()`: closing the covered banner first would run them out.
  stackedOverlays: () => checkShop("stacked-overlays", { welcomeOnTop: true }, { specs: [SHOPPER], timeouts: reason().timeouts }),
  sharedAccount: () =>
    checkShop(
      "shared-account",
      { format: "us" },
      {
        changes: { ...TEA_CORNER_SIGN_IN, cart: { ...teaCornerCart(), reset: ".remove-line" } },
        specs: [sharedAccountShopper, { ...sharedAccountShopper, id: "persona1", index: 1 }],
      },
    ),
  healthyChat: () =>
    checkShop(
      "healthy-chat",
      { format: "ch", chat: true },
      { changes: { chat: TEA_CORNER_CHAT, money: { shippingFee: 4.9, freeShippingThreshold: 50, locale: "de-CH", currency: "CHF" } }, specs: [TWO_ITEMS] },
    ),
  listPrice: () => checkShop("list-price", { faults: { listPrice: true } }, { specs: [SHOPPER] }),
  wrongProduct: () => checkShop("wrong-product", { faults: { wrongProduct: true } }, { specs: [SHOPPER] }),
  unparseable: () => checkShop("unparseable", { faults: { unparseablePrice: true } }, { specs: [SHOPPER] }),
  floatTotal: () => checkShop("float-total", { faults: { floatTotal: true } }, { specs: [TWO_ITEMS] }),
  widgetCovers: () => checkShop("widget-covers", { chat: true, faults: { widgetCoversCheckout: true } }, withChat),
  chatReopens: () => checkShop("chat-reopens", { chat: true, faults: { chatReopens: true } }, withChat),
  refusedLogin: () => checkShop("refused-login", { faults: { refuseLogin: true } }, reason(TEA_CORNER_SIGN_IN)),
  orderError: () => checkShop("order-error", { faults: { orderError: true } }, reason()),
  covered: () => checkShop("covered", {}, reason({ overlays: [] })),
  disabled: () => checkShop("disabled", { faults: { disabledPlaceOrder: true } }, reason()),
  offScreen: () => checkShop("off-screen", { faults: { checkoutOffscreen: true } }, reason()),
  absent: () => checkShop("absent", {}, reason({ cart: { ...teaCornerCart(), checkout: "#go-to-checkout" } })),
};
type RunName = keyof typeof RUNS;
let all: Record<RunName, SyntheticCheckResults>;
beforeAll(async () => {
  const names = Object.keys(RUNS) as RunName[];
  const results = await inPool(
    names.map((name) => RUNS[name]),
    RUNS_AT_ONCE,
  );
  all = Object.fromEntries(names.map((name, index) => [name, results[index]])) as Record<RunName, SyntheticCheckResults>;
  writeOutcomeTable(ARTIFACTS, all);
}, 600_000);

describe("the healthy single-page shop comes out green", () => {
  it(`${PERSONAS} personas from the baseline scenario, euro amounts, sign-up per persona, overlays, no chat: no check fails`, async () => {
    const results = all.healthy;
    const failed = results.checks.filter((check) => check.status === "failed" || check.status === "flaky");
    // The cause and the harness's lag go with a failure, so a failure in CI says whether a starved machine is suspected.
    expect(failed.map((check) => `${check.persona} ${check.check}: ${check.reason} [${check.cause ?? "flaky"}; ${check.evidence.at(-1)}]`)).toEqual([]);
    expect(results.personas).toHaveLength(PERSONAS);
    expect(results.checks.filter((check) => check.check === "chatPolicy").every((check) => check.reason === "no chat on this store")).toBe(true);
    expect(results.checks.filter((check) => check.check === "money").every((check) => check.status === "passed")).toBe(true);
  });

  it("a welcome dialog over the cookie consent: the shopper closes the one on top first", () => {
    expect(statuses(all.stackedOverlays)).toEqual(ALL_PASS);
  });

  it("Swiss francs with a chat widget that keeps clear: the layout check passes, orders carry the id from the URL", async () => {
    const results = all.healthyChat;
    expect(statuses(results)).toEqual({ ...ALL_PASS, chatPolicy: "passed", layout: "passed" });
    expect(results.personas[0].orderId).toMatch(/^TC-\d+$/);
    expect(record(results, "money").evidence).toContain("cart: 2 lines, subtotal CHF 21.49, shipping CHF 4.90, total CHF 26.39 ✓");
  });

  it("a shared account with the basket emptied first, dollars, a rejected empty field and a submit button disabled while the card is invalid", async () => {
    const first = all.sharedAccount;
    expect(statuses(first)).toEqual({ ...ALL_PASS, formValidation: "passed" });
    expect(statuses(first, "persona1")).toEqual({ ...ALL_PASS, formValidation: "passed" });
    expect(record(first, "formValidation").evidence.join("\n")).toMatch(/payment: cardNumber="4242" → stayed, error shown \("#place-order stays disabled"\)/);
  });
});

/**
 * Runs `tasks` at most `limit` at a time (browser contexts of the one shared Chromium), a new one as
 * soon as one ends: no barrier between the groups of tests, and the healthy runs no longer one after
 * another. Each run has its own shop, so they cannot disturb each other's state.
 */
async function inPool<T>(tasks: ReadonlyArray<() => Promise<T>>, limit: number): Promise<T[]> {
  const results: T[] = new Array(tasks.length);
  let next = 0;
  const worker = async () => {
    for (let index = next++; index < tasks.length; index = next++) results[index] = await tasks[index]();
  };
  await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, worker));
  return results;
}

function teaCornerCart(): Record<string, unknown> {
  return {
    url: "/#/basket",
    marker: ".basket-item",
    lines: { line: ".basket-item", name: ".item-name", quantity: ".item-qty", unitPrice: ".item-unit", idAttribute: "data-id" },
    checkout: "#checkout",
  };
}

describe("each fault mode fails exactly its check, with the reason a shopper would give", () => {
  it("prices on the list differ from the product page: money fails, quoting both", () => {
    expect(statuses(all.listPrice)).toEqual({ ...ALL_PASS, money: "failed" });
    expect(record(all.listPrice, "money").reason).toBe("product sencha: the list shows 11,25 €, the product page 12,50 €");
  });

  it("a product link opens another product: funnel fails naming both, money still adds up", () => {
    expect(statuses(all.wrongProduct)).toEqual({ ...ALL_PASS, funnel: "failed" });
    expect(record(all.wrongProduct, "funnel").reason).toBe('product: wrong page: clicked "Sencha" on the list, but the product page shows "Matcha Set"');
  });

  it("a price that is not a number: money fails quoting the text", () => {
    expect(statuses(all.unparseable)).toEqual({ ...ALL_PASS, money: "failed" });
    expect(record(all.unparseable, "money").reason).toBe('product sencha: price "NaN €" is not an amount');
  });

  it("unrounded float totals: money fails on the decimals", () => {
    expect(statuses(all.floatTotal)).toEqual({ ...ALL_PASS, money: "failed" });
    expect(record(all.floatTotal, "money").reason).toMatch(/^cart: subtotal "21\.490000000000002" has 15 decimals \(the currency has 2\)/);
  });

  it("the chat panel covers the basket's Checkout button: layout fails naming the widget and the control", () => {
    expect(statuses(all.widgetCovers)).toEqual({ ...ALL_PASS, chatPolicy: "passed", layout: "failed" });
    expect(record(all.widgetCovers, "layout").reason).toMatch(
      /^cart: the chat widget section#chat-panel "Hi! Need help\? Close" covers checkout \(#checkout\)/,
    );
  });

  it("the chat panel opens again after being closed: layout fails", () => {
    expect(statuses(all.chatReopens)).toEqual({ ...ALL_PASS, chatPolicy: "passed", layout: "failed" });
    // The shopper closes the consent banner over the sign-up page, then the panel; signing up
    // re-renders the page and the panel is open again. (Trying the panel's close button while the
    // banner still covered it failed, so the first close, and the finding, came three pages late.)
    expect(record(all.chatReopens, "layout").reason).toMatch(/^login: the chat panel opened again after the shopper closed it/);
  });
});

describe("failure reasons name what a shopper would see", () => {
  const funnel = (name: RunName) => record(all[name], "funnel");

  it("a slow sign-in is 'page slow' with its time", () => {
    expect(statuses(all.slowLogin)).toEqual({ ...ALL_PASS, funnel: "failed", money: "skipped", stepTimings: "skipped" });
    expect(funnel("slowLogin").reason).toMatch(/^login: page slow: it took \d+\.\d s to show \(limit 4 s\)$/);
  });

  it("a refused sign-in quotes the store's message", () => {
    expect(funnel("refusedLogin").reason).toBe('login refused: the store says "Wrong e-mail or password"');
  });

  it("a click that changes nothing says so, with the current client-side address", () => {
    expect(funnel("frozen").reason).toBe("shipping: clicked #checkout, but nothing happened within 12 s (still at /#/basket)");
  });

  it("a store error names status and address; the store's stack is evidence, not the headline", () => {
    expect(funnel("orderError").reason).toBe("confirmation: store error: POST /api/order answered 500 (at /#/checkout/payment)");
    expect(funnel("orderError").evidence.join("\n")).toMatch(
      /(page|console) error: order failed: payment service unavailable \(at placeOrder \(app\.min\.js:1:2345\)/,
    );
  });

  it("an element present but not usable says why: covered (by what), disabled, off-screen; an absent one says so", () => {
    expect(funnel("covered").reason).toBe('login: #signup-btn is covered by div#consent "We use cookies. Accept all" (at /#/signup)');
    expect(funnel("disabled").reason).toBe("payment: #place-order is disabled (at /#/checkout/payment)");
    expect(funnel("offScreen").reason).toMatch(/^cart: #checkout is off-screen at -\d+,\d+ \(the window is 1280×860\) \(at \/#\/basket\)$/);
    expect(funnel("absent").reason).toBe("cart: #go-to-checkout is not on the page within 2 s (at /#/basket)");
  });
});
