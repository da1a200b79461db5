import { describe, expect, it } from "vitest";
import { parseScenario, readDataFile, ScenarioError } from "../../../experiments/index.ts";
import { BASELINE_PATH, testScenario } from "../../store/testing/testStore.ts";
import { DEMO_PROFILE_PATH, loadProfile, parseProfile } from "./loadProfile.ts";

const demoData = () => readDataFile(DEMO_PROFILE_PATH, "store profile") as Record<string, any>;
const problemsOf = (run: () => unknown): readonly string[] => {
  try {
    run();
  } catch (error) {
    if (error instanceof ScenarioError) return error.problems;
    throw error;
  }
  throw new Error("expected a ScenarioError");
};

describe("loadProfile", () => {
  it("loadProfile(demo) takes tax, shipping, threshold, fees, the reveal step and the catalog from the scenario", () => {
    const profile = loadProfile("demo", { scenario: testScenario() });
    expect(profile.source).toBe("built-in demo profile");
    expect(profile.baseUrl).toBe("http://127.0.0.1:3000");
    expect(profile.funnelSteps).toEqual(["browse", "product", "cart", "account", "shipping", "payment", "review", "confirmation"]);
    expect(profile.rules).toMatchObject({
      taxRate: 0.07,
      shippingFee: 7.95,
      freeShippingThreshold: 99,
      fixedFee: 0,
      totalFirstShownAt: "shipping",
      decimalSeparator: ".",
      tolerance: 0.01,
    });
    expect(profile.rules.catalog?.get("leather-bag")).toBe(249);
    expect(profile.rules.catalog?.get("Leather weekend bag")).toBe(249);
  });

  it("loadProfile(demo) moves the sticker-shock point to the cart when the scenario shows totals up front", () => {
    const data = readDataFile(BASELINE_PATH, "scenario file") as Record<string, any>;
    data.pricing = { ...data.pricing, fixedFee: 1, showTotalUpfront: true };
    data.funnel.steps[1].revealsTotal = false;
    const scenario = parseScenario(data, { path: BASELINE_PATH });
    expect(loadProfile("demo", { scenario, baseUrl: "http://shop.test" }).rules).toMatchObject({ totalFirstShownAt: "cart", fixedFee: 1 });
    expect(loadProfile("demo", { scenario, baseUrl: "http://shop.test/" }).baseUrl).toBe("http://shop.test");
  });

  it("parseProfile lists every problem, one house-format line each, naming the path and the value", () => {
    const data = demoData();
    data.catalg = {};
    data.timeouts = { navigationSeconds: 0 };
    data.checkout.steps[0].name = "cart";
    data.checkout.steps[1].name = "payment";
    data.checkout.steps[1].fields[0] = { name: "fullName", selector: "#name" };
    data.checkout.steps[1].fieldError = ".error";
    data.money = { fromScenario: false, totalFirstShownAt: "paymnet" };
    delete data.baseUrl;
    expect(problemsOf(() => parseProfile(data, "store profile shop.yaml"))).toEqual([
      "invalid timeouts.navigationSeconds: 0 (must be > 0)",
      "invalid catalg: unknown key (allowed: name, baseUrl, userAgent, network, timeouts, retries, pageBudgetSeconds, invalidStatuses, login, catalog, product, cart, checkout, totals, confirmation, chat, overlays, money)",
    ]);
    delete data.catalg;
    data.timeouts = { navigationSeconds: 5 };
    expect(problemsOf(() => parseProfile(data, "store profile shop.yaml"))).toEqual([
      "missing baseUrl (required: the store's address, e.g. https://shop.example.com)",
      'invalid checkout.steps[0].name: "cart" (reserved for a page every store has: browse, product, cart, confirmation)',
      'invalid checkout.steps[2].name: "payment" (used by an earlier step)',
      'invalid checkout.steps[1].fieldError: ".error" (must contain {name})',
      "missing checkout.steps[1].fields[0].value (required for a text field: give value or generate)",
      'invalid money.totalFirstShownAt: "paymnet" (steps: browse, product, cart, cart, payment, payment, review, confirmation)',
    ]);
  });

  it("parseProfile says where an error comes from, as the scenario loader does", () => {
    expect(() => parseProfile({ name: "x" }, "store profile shop.yaml")).toThrow(
      /^store profile shop\.yaml:\n {2}missing catalog \(required: an object\)\n {2}missing cart \(required: an object\)\n/,
    );
    expect(() => parseProfile("text", "store profile shop.yaml")).toThrow(/invalid profile: string \(must be a mapping of settings\)/);
  });

  it("parseProfile rejects a catalog that can neither open products nor add them, and fromScenario without a scenario", () => {
    const data = demoData();
    delete data.catalog.link;
    const problems = problemsOf(() => parseProfile(data, "p"));
    expect(problems).toContain("invalid catalog: neither link nor addToCart (give catalog.link with a product section, or catalog.addToCart)");
    expect(problems).toContain("invalid money.fromScenario: true (needs a store scenario: pass --scenario)");
  });

  it("loadProfile(missing file) is a one-line error", () => {
    expect(() => loadProfile("nope.yaml")).toThrow(/^cannot read store profile nope\.yaml: no such file$/);
  });
});
