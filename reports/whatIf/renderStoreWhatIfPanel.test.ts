import { createHash } from "node:crypto";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { loadScenario } from "../../experiments/index.ts";
import type { StoreModelConfig } from "../../sim/model/index.ts";
import { htmlString } from "../escapeHtml.ts";
import { createRenderContext } from "../renderContext.ts";
import { renderReport } from "../renderReport.ts";
import { parseReportDocument } from "../reportDocument.ts";
import { comparisonFixture, stampFixture } from "../testing/index.ts";
import { renderStoreWhatIfPanel } from "./renderStoreWhatIfPanel.ts";
import type { StoreWhatIfFigures } from "./storeWhatIfLevers.ts";
import { STORE_WHAT_IF_PAGE_SCRIPT } from "./storeWhatIfPageScript.ts";

const baseline = loadScenario("experiments/scenarios/baseline.yaml").config as StoreModelConfig;
const aggressive = loadScenario("experiments/scenarios/baseline.yaml", { policy: resolve("experiments/policies/aggressive.yaml") }).config as StoreModelConfig;
const PUBLISHED: StoreWhatIfFigures = {
  sessions: 40_000,
  conversionRate: 0.0215,
  orders: 860,
  revenue: 113_764.13,
  contributionProfit: 30_474.53,
  chatRequests: 183,
  serviceLevel: 0.77,
  meanWaitOfServedSeconds: 14.2,
  agentCost: 1064,
};

describe("renderStoreWhatIfPanel", () => {
  it("offers the run's policy first, each other policy once, and each policy's rule numbers as written in its file", () => {
    const hostile = { ...aggressive.chat.policy, name: "<b>x</b>" };
    const policies = [aggressive.chat.policy, aggressive.chat.policy, hostile];
    const panel = htmlString(renderStoreWhatIfPanel({ model: baseline, seed: 5, published: PUBLISHED, policies }, createRenderContext()));
    expect([...panel.matchAll(/<option value="([^"]*)"/g)].map((match) => match[1])).toEqual(["reactive-only", "aggressive", "&lt;b&gt;x&lt;/b&gt;"]);
    expect(panel).toContain("reactive-only (published run)");
    // aggressive.yaml: idleSeconds >= 10; pageViews >= 6 and idleSeconds >= 5.
    const aggressiveFields = /<fieldset class="whatif-thresholds" data-policy="aggressive" hidden>(.*?)<\/fieldset>/.exec(panel)?.[1] ?? "";
    expect([...aggressiveFields.matchAll(/name="threshold" data-index="(\d)" value="([^"]*)"/g)].map((match) => [match[1], match[2]])).toEqual([
      ["0", "10"],
      ["1", "6"],
      ["2", "5"],
    ]);
    expect(panel).toMatch(/<fieldset class="whatif-thresholds" data-policy="reactive-only"><legend>reactive-only: no rule thresholds/);
    expect(panel).not.toContain("<b>x</b>");
    // The baseline ships free from 99 (experiments/scenarios/baseline.yaml pricing.freeShippingThreshold).
    expect(panel).toContain('name="freeShippingThreshold" min="0" step="any" value="99"');
    // The published column as the CLI summary writes it.
    expect(panel).toContain('data-value="0.0215">2.15%</td>');
    expect(panel).toContain('data-value="113764.13">$113,764</td>');
    expect(panel).toContain('data-value="14.2">14 s</td>');
  });

  it("renderReport puts a command's store panel on a comparison, labelled, with the page script's hash and blob: workers in the CSP", () => {
    const documents = [parseReportDocument({ stamp: stampFixture(), comparison: comparisonFixture() }, "compare.json")];
    const input = { model: baseline, seed: 5, published: PUBLISHED, policies: [aggressive.chat.policy], publishedLabel: "Control (reactive-only), one run" };
    const page = renderReport(documents, { whatIfWorkerSource: "self.onmessage = null;", whatIfPanels: [input] });
    expect(page).toContain('<th scope="col" class="num">Control (reactive-only), one run</th>');
    const hash = createHash("sha256").update(STORE_WHAT_IF_PAGE_SCRIPT).digest("base64");
    const policy = /http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(page)?.[1].replace(/&#39;/g, "'") ?? "";
    expect(policy).toMatch(/script-src [^;]*; worker-src blob:;/);
    expect(policy.split(";").find((part) => part.trim().startsWith("script-src"))).toContain(`'sha256-${hash}'`);
    expect(page).toContain('<a href="#r1-whatif">What if?</a>');
    expect(renderReport(documents, { whatIfPanels: [input] })).not.toContain("whatif-store");
  });
});
