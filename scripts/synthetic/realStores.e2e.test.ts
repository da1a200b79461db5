// `check` against stores we did not write, shaped like real ones (fixtures/spaShop.ts: a hash-routed
// single-page shop with overlays, sign-up, one of each product, data that arrive after the page).
// The healthy shop comes out green; each fault mode fails exactly its check, with the reason a
// shopper would give. Real HTTP server, real Chromium.
//
// CONVSIM_FIXTURE_PERSONAS=20 npx vitest run scripts/synthetic/realStores.e2e.test.ts   (the full 20; CI runs 3)

import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadScenario } from "../../experiments/index.ts";
import { launchChromium } from "../browser/index.ts";
import type { CheckName, CheckStatus, SyntheticCheckResults } from "./checkResults.ts";
import { startSpaShop, type SpaShopOptions } from "./fixtures/spaShop.ts";
import { TEA_CORNER_CHAT, TEA_CORNER_SIGN_IN, teaCornerProfile } from "./fixtures/teaCornerProfile.ts";
import type { PersonaSpec } from "./PersonaSpec.ts";
import { runSyntheticCheck } from "./runSyntheticCheck.ts";
import { testPersona } from "./testing/personas.ts";

const ARTIFACTS = "test-artifacts/synthetic/real-stores";
const PERSONAS = Number(process.env.CONVSIM_FIXTURE_PERSONAS ?? 3);
const scenario = loadScenario("experiments/scenarios/baseline.yaml");
// A shopper who buys Sencha (12,50 €), the first product, and finishes.
const SHOPPER = testPersona(0, { items: [{ pick: 0, quantity: 1 }], values: { "shipping.name": "Ada Lovelace", "shipping.street": "1 Main St", "shipping.city": "Berlin" } });
// Sencha and Assam: 12,50 + 8,99 is 21.490000000000002 in binary floating point.
const TWO_ITEMS = { ...SHOPPER, items: [{ pick: 0, quantity: 1 }, { pick: 0.4, quantity: 1 }], targetCartValue: 100 };
const ALL_PASS: Record<CheckName, CheckStatus> = { funnel: "passed", money: "passed", formValidation: "skipped", chatPolicy: "skipped", stepTimings: "passed", layout: "skipped" };

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

async function checkShop(name: string, shop: SpaShopOptions, options: { changes?: Record<string, unknown>; specs?: PersonaSpec[]; personas?: number; timeouts?: Record<string, number> } = {}): Promise<SyntheticCheckResults> {
  const server = await startSpaShop(shop);
  try {
    const timeouts = { navigationSeconds: 8, selectorSeconds: 3, personaSeconds: 120, ...options.timeouts };
    const profile = teaCornerProfile(server.url, { timeouts, pageBudgetSeconds: 15, ...options.changes });
    return await runSyntheticCheck({ profile, scenario, specs: options.specs, personas: options.specs ? undefined : options.personas, seed: 11, browser, artifactsDir: `${ARTIFACTS}/${name}`, trace: false });
  } finally {
    await server.close();
  }
}
const statuses = (results: SyntheticCheckResults, persona = "persona0") => Object.fromEntries(results.checks.filter((check) => check.persona === persona).map((check) => [check.check, check.status])) as Record<CheckName, CheckStatus>;
const record = (results: SyntheticCheckResults, check: CheckName) => results.checks.find((candidate) => candidate.check === check && candidate.persona === "persona0")!;

describe("the healthy single-page shop comes out green", () => {
  it(`${PERSONAS} personas from the baseline scenario, euro amounts, sign-up per persona, overlays, no chat: no check fails`, async () => {
    const results = await checkShop("healthy", { format: "de" }, { personas: PERSONAS });
    const failed = results.checks.filter((check) => check.status === "failed" || check.status === "flaky");
    expect(failed.map((check) => `${check.persona} ${check.check}: ${check.reason}`)).toEqual([]);
    expect(results.personas).toHaveLength(PERSONAS);
    expect(results.checks.filter((check) => check.check === "chatPolicy").every((check) => check.reason === "no chat on this store")).toBe(true);
    expect(results.checks.filter((check) => check.check === "money").every((check) => check.status === "passed")).toBe(true);
  });

  it("Swiss francs with a chat widget that keeps clear: the layout check passes, orders carry the id from the URL", async () => {
    const results = await checkShop("healthy-chat", { format: "ch", chat: true }, { changes: { chat: TEA_CORNER_CHAT, money: { shippingFee: 4.9, freeShippingThreshold: 50, locale: "de-CH", currency: "CHF" } }, specs: [TWO_ITEMS] });
    expect(statuses(results)).toEqual({ ...ALL_PASS, layout: "passed" });
    expect(results.personas[0].orderId).toMatch(/^TC-\d+$/);
    expect(record(results, "money").evidence).toContain("cart: 2 lines, subtotal CHF 21.49, shipping CHF 4.90, total CHF 26.39 ✓");
  });

  it("a shared account with the basket emptied first, dollars, a rejected empty field and a submit button disabled while the card is invalid", async () => {
    const spec = { ...SHOPPER, formErrors: [{ step: "shipping", field: "city", value: "" }, { step: "payment", field: "cardNumber", value: "4242" }] };
    const first = await checkShop("shared-account", { format: "us" }, { changes: { ...TEA_CORNER_SIGN_IN, cart: { ...teaCornerCart(), reset: ".remove-line" } }, specs: [spec, { ...spec, id: "persona1", index: 1 }] });
    expect(statuses(first)).toEqual({ ...ALL_PASS, formValidation: "passed" });
    expect(statuses(first, "persona1")).toEqual({ ...ALL_PASS, formValidation: "passed" });
    expect(record(first, "formValidation").evidence.join("\n")).toMatch(/payment: cardNumber="4242" → stayed, error shown \("#place-order stays disabled"\)/);
  });
});

function teaCornerCart(): Record<string, unknown> {
  return { url: "/#/basket", marker: ".basket-item", lines: { line: ".basket-item", name: ".item-name", quantity: ".item-qty", unitPrice: ".item-unit", idAttribute: "data-id" }, checkout: "#checkout" };
}

describe("each fault mode fails exactly its check, with the reason a shopper would give", () => {
  it("prices on the list differ from the product page: money fails, quoting both", async () => {
    const results = await checkShop("list-price", { faults: { listPrice: true } }, { specs: [SHOPPER] });
    expect(statuses(results)).toEqual({ ...ALL_PASS, money: "failed" });
    expect(record(results, "money").reason).toBe("product sencha: the list shows 11,25 €, the product page 12,50 €");
  });

  it("a product link opens another product: funnel fails naming both, money still adds up", async () => {
    const results = await checkShop("wrong-product", { faults: { wrongProduct: true } }, { specs: [SHOPPER] });
    expect(statuses(results)).toEqual({ ...ALL_PASS, funnel: "failed" });
    expect(record(results, "funnel").reason).toBe('product: wrong page: clicked "Sencha" on the list, but the product page shows "Matcha Set"');
  });

  it("a price that is not a number: money fails quoting the text", async () => {
    const results = await checkShop("unparseable", { faults: { unparseablePrice: true } }, { specs: [SHOPPER] });
    expect(statuses(results)).toEqual({ ...ALL_PASS, money: "failed" });
    expect(record(results, "money").reason).toBe('product sencha: price "NaN €" is not an amount');
  });

  it("unrounded float totals: money fails on the decimals", async () => {
    const results = await checkShop("float-total", { faults: { floatTotal: true } }, { specs: [TWO_ITEMS] });
    expect(statuses(results)).toEqual({ ...ALL_PASS, money: "failed" });
    expect(record(results, "money").reason).toMatch(/^cart: subtotal "21\.490000000000002" has 15 decimals \(the currency has 2\)/);
  });

  it("the chat panel covers the basket's Checkout button: layout fails naming the widget and the control", async () => {
    const results = await checkShop("widget-covers", { chat: true, faults: { widgetCoversCheckout: true } }, { changes: { chat: TEA_CORNER_CHAT }, specs: [SHOPPER] });
    expect(statuses(results)).toEqual({ ...ALL_PASS, layout: "failed" });
    expect(record(results, "layout").reason).toMatch(/^cart: the chat widget section#chat-panel "Hi! Need help\? Close" covers checkout \(#checkout\)/);
  });

  it("the chat panel opens again after being closed: layout fails", async () => {
    const results = await checkShop("chat-reopens", { chat: true, faults: { chatReopens: true } }, { changes: { chat: TEA_CORNER_CHAT }, specs: [SHOPPER] });
    expect(statuses(results)).toEqual({ ...ALL_PASS, layout: "failed" });
    expect(record(results, "layout").reason).toMatch(/^product: the chat panel opened again after the shopper closed it/);
  });
});

describe("failure reasons name what a shopper would see", () => {
  const faultTimeouts = { navigationSeconds: 3, selectorSeconds: 2 };
  it("a slow sign-in is 'page slow' with its time", async () => {
    const results = await checkShop("slow-login", { faults: { slowLoginSeconds: 5 } }, { changes: TEA_CORNER_SIGN_IN, specs: [SHOPPER], timeouts: faultTimeouts });
    expect(statuses(results)).toEqual({ ...ALL_PASS, funnel: "failed", money: "skipped", stepTimings: "skipped" });
    expect(record(results, "funnel").reason).toMatch(/^login: page slow: it took \d+\.\d s to show \(limit 3 s\)$/);
  });

  it("a refused sign-in quotes the store's message", async () => {
    const results = await checkShop("refused-login", { faults: { refuseLogin: true } }, { changes: TEA_CORNER_SIGN_IN, specs: [SHOPPER], timeouts: faultTimeouts });
    expect(record(results, "funnel").reason).toBe('login refused: the store says "Wrong e-mail or password"');
  });

  it("a click that changes nothing says so, with the current client-side address", async () => {
    const results = await checkShop("frozen", { faults: { frozenCheckout: true } }, { specs: [SHOPPER], timeouts: faultTimeouts });
    expect(record(results, "funnel").reason).toBe("shipping: clicked #checkout, but nothing happened within 6 s (still at /#/basket)");
  });

  it("a store error names status and address; the store's stack is evidence, not the headline", async () => {
    const results = await checkShop("order-error", { faults: { orderError: true } }, { specs: [SHOPPER], timeouts: faultTimeouts });
    const funnel = record(results, "funnel");
    expect(funnel.reason).toBe("confirmation: store error: POST /api/order answered 500 (at /#/checkout/payment)");
    expect(funnel.evidence.join("\n")).toMatch(/page error: order failed: payment service unavailable \(at placeOrder \(app\.min\.js:1:2345\)/);
  });

  it("an element present but not usable: covered (by what), disabled, off-screen; and one that is absent", async () => {
    const covered = await checkShop("covered", {}, { changes: { overlays: [] }, specs: [SHOPPER], timeouts: faultTimeouts });
    expect(record(covered, "funnel").reason).toBe('login: #signup-btn is covered by div#consent "We use cookies. Accept all" (at /#/signup)');
    const disabled = await checkShop("disabled", { faults: { disabledPlaceOrder: true } }, { specs: [SHOPPER], timeouts: faultTimeouts });
    expect(record(disabled, "funnel").reason).toBe("payment: #place-order is disabled (at /#/checkout/payment)");
    const offScreen = await checkShop("off-screen", { faults: { checkoutOffscreen: true } }, { specs: [SHOPPER], timeouts: faultTimeouts });
    expect(record(offScreen, "funnel").reason).toMatch(/^cart: #checkout is off-screen \(at -\d+,\d+ \(the window is 1280×860\)\) \(at \/#\/basket\)$/);
    const absent = await checkShop("absent", {}, { changes: { cart: { ...teaCornerCart(), checkout: "#go-to-checkout" } }, specs: [SHOPPER], timeouts: faultTimeouts });
    expect(record(absent, "funnel").reason).toBe("cart: #go-to-checkout is not on the page within 2 s (at /#/basket)");
  });
});
