// Synthetic shoppers against real stores in real Chromium: the demo store under a policy with idle
// and exit-intent triggers (invitations accepted, dismissed, capped, gated), a "third-party" shop
// driven by its profile alone, and a store that is down.

import { fileURLToPath } from "node:url";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readDataFile } from "../../experiments/index.ts";
import { launchChromium } from "../browser/index.ts";
import { type StoreHandle, startStore } from "../store/index.ts";
import { scenarioWithPolicy, tempDataDir, testScenario } from "../store/testing/testStore.ts";
import { parseProfile } from "./profiles/loadProfile.ts";
import type { CheckName, CheckStatus, SyntheticCheckResults } from "./results/checkResults.ts";
import { junitXml } from "./results/junitXml.ts";
import { runSyntheticCheck } from "./runSyntheticCheck.ts";
import { FIXTURE_PRODUCTS, startFixtureShop } from "./testing/fixtureShop.ts";
import { closedLoopbackPort } from "./testing/loopback.ts";
import { testPersona } from "./testing/personas.ts";
import { demoProfileAt } from "./testing/profiles.ts";

const ARTIFACTS = "test-artifacts/synthetic/runs";
const POLICY = {
  name: "idle-and-exit",
  rules: [
    { name: "idle-payment", when: "step in [payment, review] and idleSeconds >= 30", priority: 1 },
    { name: "exit-high-value", when: "exitIntent and cartValue >= 150", priority: 2 },
  ],
  caps: { perPage: 1, perVisit: 2, afterDecline: false, minGapSeconds: 60 },
};
const LINEN_SHIRT = 0; // first of the demo catalog: $59
const LEATHER_BAG = 0.4; // fourth of eight: $249

let browser: Browser;
const statuses = (results: SyntheticCheckResults, persona: string) =>
  Object.fromEntries(results.checks.filter((check) => check.persona === persona).map((check) => [check.check, check.status])) as Record<CheckName, CheckStatus>;

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

describe("synthetic check of the demo store", () => {
  let store: StoreHandle;
  const scenario = scenarioWithPolicy(POLICY);
  beforeAll(async () => {
    store = await startStore({ scenario, port: 0, dataDir: tempDataDir(), autoAgents: 1, botDelaySeconds: 0.2, botHandleSeconds: 600 });
  });
  afterAll(async () => {
    await store?.close();
  });

  it("invitations appear exactly when the simulator's evaluator says: accepted, dismissed then capped, exit intent on mouse and back", async () => {
    const specs = [
      // Invited at 30 s on payment, accepts: in chat, so the review pause brings nothing.
      testPersona(0, {
        pauses: [
          { step: "payment", seconds: 45 },
          { step: "review", seconds: 40 },
        ],
        invitationResponse: "accept",
        formErrors: [{ step: "payment", field: "cardNumber", value: "4242 4242 4242 4241" }],
      }),
      // Same on a phone, dismisses: declined, so the review pause brings nothing either.
      testPersona(1, {
        device: "mobile",
        segment: "mobile",
        pauses: [
          { step: "payment", seconds: 45 },
          { step: "review", seconds: 40 },
        ],
        items: [{ pick: LINEN_SHIRT, quantity: 2 }],
      }),
      // A $249 cart leaving from the cart: exit intent (pointer out at the top) is invited; dismissed.
      testPersona(2, { items: [{ pick: LEATHER_BAG, quantity: 1 }], leave: { step: "cart", lingerSeconds: 20, exitIntent: true } }),
      // A $59 cart leaving from shipping by the back button after 10 idle minutes: below the value rule, no invitation.
      testPersona(3, { device: "tablet", segment: "tablet", leave: { step: "shipping", lingerSeconds: 600, exitIntent: true } }),
    ];
    const results = await runSyntheticCheck({
      profile: demoProfileAt(store.url, scenario),
      scenario,
      specs,
      browser,
      concurrency: 2,
      artifactsDir: ARTIFACTS,
      trace: false,
    });
    for (const spec of specs) {
      expect(statuses(results, spec.id), spec.id).toEqual({
        funnel: "passed",
        money: "passed",
        formValidation: spec.formErrors.length > 0 ? "passed" : "skipped",
        chatPolicy: "passed",
        stepTimings: "passed",
        layout: "passed",
      });
    }
    expect(results.summary).toMatchObject({ personas: 4, failed: 0, flaky: 0, exitCode: 0 });
    const row = (step: string, trigger: string) => results.policyConformance.rows.find((candidate) => candidate.step === step && candidate.trigger === trigger);
    expect(row("payment", "idle")).toMatchObject({ predictedFires: 2, observedFires: 2, rules: ["idle-payment"], agree: true });
    expect(Math.abs(row("payment", "idle")!.maxTimingErrorSeconds!)).toBeLessThanOrEqual(0.1);
    expect(row("review", "idle")).toMatchObject({ predictedFires: 0, observedFires: 0, agree: true });
    expect(row("cart", "exitIntent")).toMatchObject({ windows: 1, predictedFires: 1, observedFires: 1, rules: ["exit-high-value"], agree: true });
    expect(row("shipping", "exitIntent")).toMatchObject({ windows: 1, predictedFires: 0, observedFires: 0, agree: true });
    const reviewWindows = results.policyConformance.windows.filter((window) => window.step === "review" && window.lengthSeconds >= 30);
    expect(reviewWindows.map((window) => [window.persona, window.blockedBy])).toEqual([
      ["persona0", "in-chat"],
      ["persona1", "caps-or-no-rule"],
    ]);
    // Money: two shirts ship for $7.95 below the $99 threshold; the bag ships free above it.
    const persona1 = results.checks.find((check) => check.persona === "persona1" && check.check === "money")!;
    expect(persona1.evidence).toContain("confirmation: 1 line, subtotal $118.00, shipping Free, tax $8.26, total $126.26 ✓");
    expect(persona1.evidence).toContain("sticker-shock point: the full total first appears on shipping");
    // The 10-minute linger runs in virtual time.
    const lingerer = results.personas.find((persona) => persona.id === "persona3")!;
    expect(lingerer.virtualSeconds).toBeGreaterThan(600);
    expect(lingerer.wallSeconds).toBeLessThan(30);
    expect(junitXml(results)).toMatch(
      /^<\?xml version="1.0" encoding="UTF-8"\?>\n<testsuites name="convsim check Fernhill &amp; Co. \(demo store\)" tests="24" failures="0" errors="0" skipped="3"/,
    );
  });

  it("a reused browser tab serves the next persona as a new visitor: no cart, chat, caps or cookies carried over", async () => {
    // Same device, one at a time: persona1 gets persona0's tab, reset.
    const specs = [
      testPersona(0, { pauses: [{ step: "payment", seconds: 40 }], invitationResponse: "accept", items: [{ pick: LINEN_SHIRT, quantity: 2 }] }),
      testPersona(1, { pauses: [{ step: "payment", seconds: 40 }], items: [{ pick: LEATHER_BAG, quantity: 1 }] }),
    ];
    const results = await runSyntheticCheck({
      profile: demoProfileAt(store.url, scenario),
      scenario,
      specs,
      browser,
      concurrency: 1,
      artifactsDir: ARTIFACTS,
      trace: false,
    });
    for (const spec of specs)
      expect(statuses(results, spec.id), spec.id).toEqual({
        funnel: "passed",
        money: "passed",
        formValidation: "skipped",
        chatPolicy: "passed",
        stepTimings: "passed",
        layout: "passed",
      });
    const invited = results.policyConformance.windows
      .filter((window) => window.step === "payment" && window.observedSeconds !== null)
      .map((window) => window.persona);
    expect(invited).toEqual(["persona0", "persona1"]);
    expect(results.personas.map((persona) => persona.items.map((item) => item.quantity))).toEqual([[2], [1]]);
    expect(new Set(results.personas.map((persona) => persona.orderId)).size).toBe(2);
  });

  it("a full desk gates invitations: none while no agent is free, as the evaluator predicts from the queue state", async () => {
    const gated = scenarioWithPolicy({ ...POLICY, gating: { requireFreeSlot: true } });
    const unstaffed = await startStore({ scenario: gated, port: 0, dataDir: tempDataDir(), autoAgents: 0 });
    try {
      const specs = [testPersona(0, { pauses: [{ step: "payment", seconds: 60 }] })];
      const results = await runSyntheticCheck({
        profile: demoProfileAt(unstaffed.url, gated),
        scenario: gated,
        specs,
        browser,
        artifactsDir: ARTIFACTS,
        trace: false,
      });
      expect(statuses(results, "persona0").chatPolicy).toBe("passed");
      const window = results.policyConformance.windows.find((candidate) => candidate.step === "payment" && candidate.lengthSeconds >= 60)!;
      expect(window).toMatchObject({
        predictedSeconds: null,
        observedSeconds: null,
        earliestSeconds: expect.closeTo(30, 0),
        blockedBy: "gate-free-slot",
        agree: true,
      });
    } finally {
      await unstaffed.close();
    }
  });
});

describe("an interrupted synthetic check", () => {
  it("stops the running persona, starts no other, and reports what it has (Ctrl-C)", async () => {
    const scenario = testScenario();
    const store = await startStore({ scenario, port: 0, dataDir: tempDataDir() });
    try {
      const controller = new AbortController();
      setTimeout(() => controller.abort(), 800);
      const specs = [testPersona(0, { pauses: [{ step: "cart", seconds: 30 }] }), testPersona(1)];
      const results = await runSyntheticCheck({
        profile: demoProfileAt(store.url, scenario),
        scenario,
        specs,
        browser,
        concurrency: 1,
        artifactsDir: ARTIFACTS,
        trace: false,
        signal: controller.signal,
      });
      expect(results.summary).toMatchObject({ personas: 1, interrupted: true });
      expect(results.checks[0]).toMatchObject({ check: "funnel", status: "failed", reason: expect.stringMatching(/^interrupted at \w+ \(Ctrl-C\)$/) });
    } finally {
      await store.close();
    }
  });
});

describe("synthetic check of a third-party shop from its profile alone", () => {
  it("signs in, adds from the list, checks euro amounts with decimal commas through a separate totals page, blocks other origins", async () => {
    const shop = await startFixtureShop();
    try {
      const data = readDataFile(fileURLToPath(new URL("./testing/fixture-shop.yaml", import.meta.url)), "store profile") as Record<string, unknown>;
      const profile = parseProfile({ ...data, baseUrl: shop.url }, "fixture profile");
      const specs = [
        testPersona(0, {
          items: [
            { pick: 0.5, quantity: 2 },
            { pick: 0.9, quantity: 1 },
          ],
          targetCartValue: 100,
          formErrors: [{ step: "address", field: "zip", value: "1011" }],
          pauses: [{ step: "summary", seconds: 120 }],
          values: { "address.name": "Ada Lovelace", "address.street": "Unter den Linden 1", "address.email": "ada@example.com" },
        }),
      ];
      const results = await runSyntheticCheck({ profile, scenario: testScenario(), specs, browser, artifactsDir: ARTIFACTS, trace: false });
      expect(statuses(results, "persona0")).toEqual({
        funnel: "passed",
        money: "passed",
        formValidation: "passed",
        chatPolicy: "skipped",
        stepTimings: "passed",
        layout: "skipped",
      });
      const money = results.checks.find((check) => check.check === "money")!;
      // 2 × 39,90 + 12,50 = 92,30 ships free (from 50), VAT 18,46.
      expect(money.evidence).toContain("summary: 2 lines, subtotal 92,30 €, shipping Gratis, tax 18,46 €, total 110,76 € ✓");
      expect(money.evidence).toContain("sticker-shock point: the full total first appears on summary");
      expect(results.personas[0].items).toEqual([
        { key: FIXTURE_PRODUCTS[1].id, unitPrice: 39.9, quantity: 2 },
        { key: FIXTURE_PRODUCTS[2].id, unitPrice: 12.5, quantity: 1 },
      ]);
      expect(results.personas[0].orderId).toBe("K-1001");
      expect(results.checks.find((check) => check.check === "funnel")!.evidence.at(-1)).toMatch(
        /^blocked \d+ requests to other origins \(fonts\.googleapis\.com, tracker\.example\.com\)$/,
      );
      expect(results.checks.find((check) => check.check === "formValidation")!.evidence[0]).toMatch(
        /^address: zip="1011" → stayed, error shown \("Please check your entries"\)/,
      );
    } finally {
      await shop.close();
    }
  });
});

describe("synthetic check of a store that is down", () => {
  it("fails every persona's funnel with 'store unreachable at URL: connect ECONNREFUSED' and skips the rest, without a browser or a crash", async () => {
    const scenario = testScenario();
    const url = `http://127.0.0.1:${await closedLoopbackPort()}`;
    const profile = demoProfileAt(url, scenario);
    const results = await runSyntheticCheck({ profile, scenario, personas: 2, seed: 1, artifactsDir: ARTIFACTS });
    expect(results.store).toEqual({ url, demo: false, reachable: false, problem: `store unreachable at ${url}: connect ECONNREFUSED` });
    expect(results.checks.map((check) => [check.persona, check.check, check.status])).toEqual(
      ["persona0", "persona1"].flatMap((persona) => [
        [persona, "funnel", "failed"],
        [persona, "money", "skipped"],
        [persona, "formValidation", "skipped"],
        [persona, "chatPolicy", "skipped"],
        [persona, "stepTimings", "skipped"],
        [persona, "layout", "skipped"],
      ]),
    );
    expect(results.checks[0].reason).toBe(`store unreachable at ${url}: connect ECONNREFUSED`);
    expect(results.summary.exitCode).toBe(1);
  });
});
