// Each deliberate fault in the demo store (injected by a proxy) makes exactly the check that
// should catch it fail, with a reason that says what is wrong. Real store, real Chromium.

import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseReportDocument, renderReport } from "../../reports/index.ts";
import { checkReportInBrowser } from "../../reports/testing/index.ts";
import { launchChromium } from "../browser/index.ts";
import { type StoreHandle, startStore } from "../store/index.ts";
import { scenarioWithPolicy, tempDataDir } from "../store/testing/testStore.ts";
import type { CheckName, CheckStatus, SyntheticCheckResults } from "./results/checkResults.ts";
import { runSyntheticCheck } from "./runSyntheticCheck.ts";
import { type Faults, startFaultProxy } from "./testing/faultProxy.ts";
import { writeOutcomeTable } from "./testing/outcomeTable.ts";
import { testPersona } from "./testing/personas.ts";
import { demoProfileAt } from "./testing/profiles.ts";

const ARTIFACTS = "test-artifacts/synthetic/faults";
const POLICY = {
  name: "idle-on-payment",
  rules: [{ name: "idle-payment", when: "step in [payment, review] and idleSeconds >= 30", priority: 1 }],
  caps: { perPage: 1, perVisit: 2, afterDecline: false, minGapSeconds: 60 },
};
const scenario = scenarioWithPolicy(POLICY);
// Pauses 40 s on payment (the policy invites at 30 s; the shopper dismisses), mistypes the ZIP code.
const SHOPPER = testPersona(0, { pauses: [{ step: "payment", seconds: 40 }], formErrors: [{ step: "shipping", field: "postalCode", value: "?" }] });

let browser: Browser;
let store: StoreHandle;

beforeAll(async () => {
  store = await startStore({ scenario, port: 0, dataDir: tempDataDir(), autoAgents: 1, botDelaySeconds: 0.2, botHandleSeconds: 600 });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await store?.close();
  writeOutcomeTable(ARTIFACTS, outcomes);
});
/** Each run's results by name, written as the artifacts' outcome table when the file ends. */
const outcomes: Record<string, SyntheticCheckResults> = {};

async function checkWith(name: string, faults: Faults, profileChanges: Record<string, unknown> = {}): Promise<SyntheticCheckResults> {
  const proxy = await startFaultProxy(store.url, faults);
  try {
    outcomes[name] = await runSyntheticCheck({
      profile: demoProfileAt(proxy.url, scenario, profileChanges),
      scenario,
      specs: [SHOPPER],
      browser,
      artifactsDir: `${ARTIFACTS}/${name}`,
    });
    return outcomes[name];
  } finally {
    await proxy.close();
  }
}
const statuses = (results: SyntheticCheckResults) =>
  Object.fromEntries(results.checks.map((check) => [check.check, check.status])) as Record<CheckName, CheckStatus>;
const record = (results: SyntheticCheckResults, check: CheckName) => results.checks.find((candidate) => candidate.check === check)!;
const ALL_PASS: Record<CheckName, CheckStatus> = {
  funnel: "passed",
  money: "passed",
  formValidation: "passed",
  chatPolicy: "passed",
  stepTimings: "passed",
  layout: "passed",
};

describe("synthetic checks catch a broken store", () => {
  it("through the proxy without faults every check passes (the control)", async () => {
    const results = await checkWith("control", {});
    expect(statuses(results)).toEqual(ALL_PASS);
    expect(results.summary.exitCode).toBe(0);
    const invited = results.policyConformance.windows.filter((window) => window.observedSeconds !== null);
    expect(invited).toHaveLength(1);
    expect(invited[0]).toMatchObject({ step: "payment", predictedRule: "idle-payment", observedRule: "idle-payment", agree: true });
  });

  it("a wrong total on the review step fails the money check only, naming shown and expected amounts", async () => {
    const results = await checkWith("wrong-total", { wrongTotal: { path: /^\/checkout\/review$/, delta: 3 } });
    expect(statuses(results)).toEqual({ ...ALL_PASS, money: "failed" });
    const money = record(results, "money");
    expect(money.reason).toMatch(/^review: total shows \$\d+\.\d{2}, expected \d+\.\d{2} \(\d+\.\d{2} \+ [\d.]+ \+ \d+\.\d{2}\)/);
    expect(money.evidence.join("\n")).toMatch(/review: total \$[\d.]+ is not the sum of the amounts above it/);
    expect(existsSync(money.artifacts.screenshot!)).toBe(true);
    expect(existsSync(money.artifacts.trace!)).toBe(true);
    expect(results.failureImages[0].dataUri).toMatch(/^data:image\/jpeg;base64,/);
    // The real failure, screenshot and all, in the report: shown, and within the report's CSP.
    mkdirSync(ARTIFACTS, { recursive: true });
    const reportPath = `${ARTIFACTS}/wrong-total-report.html`;
    writeFileSync(reportPath, renderReport([parseReportDocument({ check: results }, "check.json")]));
    const page = await checkReportInBrowser(browser, pathToFileURL(reportPath).href);
    expect([page.consoleErrors, page.pageErrors, page.cspViolations, page.requests]).toEqual([[], [], [], []]);
    expect(page.charts.find((chart) => chart.id.includes("-synthetic-failure-"))).toMatchObject({ visible: true });
    expect(page.charts.every((chart) => chart.visible && chart.width > 100 && chart.height > 50)).toBe(true);
  });

  it("a missing continue button fails the funnel at shipping only, after its retry", async () => {
    const results = await checkWith("missing-selector", { removeDataTest: { path: /^\/checkout\/shipping$/, name: "checkout-continue" } });
    // Only the funnel fails. The chat-policy check is skipped when no idle window came before the
    // persona stopped; on a loaded machine the retry's waits can make one, and it is judged (passed).
    const { chatPolicy, ...others } = statuses(results);
    expect(others).toEqual({ funnel: "failed", money: "passed", formValidation: "skipped", stepTimings: "passed", layout: "passed" });
    expect(["skipped", "passed"]).toContain(chatPolicy);
    const funnel = record(results, "funnel");
    expect(funnel.reason).toBe('shipping: [data-test="checkout-continue"] is not on the page within 2 s (at /checkout/shipping) (after 2 attempts)');
    expect(funnel.attempts).toBe(2);
    expect(existsSync(funnel.artifacts.screenshot!)).toBe(true);
  });

  it("a payment page 7 s slow fails the step-timing check only", async () => {
    const results = await checkWith(
      "slow-page",
      { slow: { path: /^\/checkout\/payment$/, seconds: 7 } },
      { pageBudgetSeconds: 5, timeouts: { navigationSeconds: 15, selectorSeconds: 2 } },
    );
    expect(statuses(results)).toEqual({ ...ALL_PASS, stepTimings: "failed" });
    const timings = record(results, "stepTimings");
    expect(timings.reason).toMatch(/^payment took (7|8|9)\.\d\d s to load \(budget 5 s\)/);
    expect(existsSync(timings.artifacts.screenshot!)).toBe(true);
  });

  it("a payment page that answers 503 once is retried and reported as flaky, not hidden and not failed", async () => {
    const results = await checkWith("unavailable-once", { failOnce: { path: /^\/checkout\/payment$/, status: 503 } });
    expect(statuses(results)).toEqual({ ...ALL_PASS, funnel: "flaky" });
    const funnel = record(results, "funnel");
    expect(funnel.reason).toMatch(/^order placed \(ORD-\w+\), but payment needed a retry$/);
    expect(funnel.attempts).toBe(2);
    expect(funnel.evidence.join("\n")).toMatch(
      /payment: passed on attempt 2 \(attempt 1: payment: \/checkout\/payment answered HTTP 503 \[GET \/checkout\/payment answered 503/,
    );
    expect(existsSync(funnel.artifacts.trace!)).toBe(true);
    expect(results.summary).toMatchObject({ flaky: 1, failed: 0, exitCode: 0 });
  });

  it("an invitation shown 5 s into any page fails the chat-policy check only", async () => {
    const results = await checkWith("early-invitation", { earlyInvitation: { seconds: 5 } });
    expect(statuses(results)).toEqual({ ...ALL_PASS, chatPolicy: "failed" });
    expect(record(results, "chatPolicy").reason).toMatch(/^idle on payment: invitation after 5\.0\d s, the policy says not before 30\.00 s \(tolerance ±1 s\)/);
    expect(existsSync(record(results, "chatPolicy").artifacts.screenshot!)).toBe(true);
    const row = results.policyConformance.rows.find((candidate) => candidate.step === "payment" && candidate.trigger === "idle")!;
    expect(row).toMatchObject({ predictedFires: 0, observedFires: 1, agree: false });
  });
});
