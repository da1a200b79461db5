import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { loadScenario } from "../../experiments/index.ts";
import type { StoreModelConfig } from "../../sim/model/index.ts";
import { startStore } from "../store/index.ts";
import { launchChromium, loadProfile, type PersonaSpec, resolvePersonaModelOptions, runSyntheticCheck, samplePersona } from "../synthetic/index.ts";
import type { BenchMeasurement, BenchSuite } from "./benchSuite.ts";

/** Full-checkout personas per timed run, and browser contexts at once (one per core of the target machine). */
const CHECKOUT_PERSONAS = 12;
const CONCURRENCY = 2;
const IDLE_SECONDS = 600;

/**
 * Issue targets: full-checkout personas against the demo store on 2 cores ≥ 30 per minute, and a
 * persona idling 10 minutes (virtual time) in < 10 s of wall time. Personas come from the baseline
 * shopper model with every one finishing (pauses, form errors and invitations included; the store
 * runs idle-on-payment, so invitations are shown and checked), with traces off and on (the
 * default), and as "direct" shoppers who add one item and go straight to checkout.
 */
export const syntheticSuite: BenchSuite = {
  name: "synthetic",
  description: "synthetic shoppers in Chromium against the demo store: full checkouts per minute, a 10-minute idle in virtual time",
  async run(context) {
    const scenario = loadScenario(resolve("experiments/scenarios/baseline.yaml"), { policy: resolve("experiments/policies/idle-on-payment.yaml") });
    const dataDir = mkdtempSync(join(tmpdir(), "convsim-bench-synthetic-"));
    const store = await startStore({ scenario, port: 0, dataDir, autoAgents: 1, botDelaySeconds: 0.3, botHandleSeconds: 600 });
    const browser = await launchChromium();
    const artifactsDir = join(dataDir, "artifacts");
    try {
      const profile = loadProfile("demo", { scenario, baseUrl: store.url });
      const measurements: BenchMeasurement[] = [];
      const variants = [
        { label: "model personas, traces off", trace: false, model: { finishAll: true }, repeats: Math.min(context.repeats, 2) },
        { label: "model personas, traces on (default)", trace: true, model: { finishAll: true }, repeats: 1 },
        { label: "direct personas (1 item, no browsing), traces off", trace: false, model: { finishAll: true, maxBrowsePages: 0, maxItems: 1 }, repeats: 1 },
      ];
      const runs: Array<{ label: string; perMinute: number; failed: number; pages: number }> = [];
      for (const variant of variants) {
        const label = `${CHECKOUT_PERSONAS} ${variant.label}, ${CONCURRENCY} at once`;
        const walls: number[] = [];
        let failed = 0;
        let pages = 0;
        for (let repeat = 0; repeat < variant.repeats; repeat++) {
          context.log(label);
          const started = performance.now();
          const results = await runSyntheticCheck({
            profile,
            scenario,
            personas: CHECKOUT_PERSONAS,
            seed: `bench${repeat}`,
            concurrency: CONCURRENCY,
            model: variant.model,
            browser,
            artifactsDir,
            trace: variant.trace,
          });
          walls.push((performance.now() - started) / 1000);
          failed += results.summary.failed;
          pages = results.personas.reduce((sum, persona) => sum + persona.steps.length, 0) / results.personas.length;
        }
        measurements.push({ label, units: CHECKOUT_PERSONAS, events: null, wallSeconds: walls, columns: { "pages/persona": pages.toFixed(1) } });
        runs.push({ label: variant.label, perMinute: (CHECKOUT_PERSONAS / Math.min(...walls)) * 60, failed, pages });
      }

      context.log(`one persona idling ${IDLE_SECONDS} s on payment`);
      // A finishing shopper from the model, with one 10-minute pause on payment and no other.
      const shopper = samplePersona(
        scenario.config as StoreModelConfig,
        profile,
        "bench-idle",
        1,
        resolvePersonaModelOptions({ finishAll: true }),
        new Date().getUTCFullYear(),
      );
      const idler: PersonaSpec = { ...shopper, pauses: [{ step: "payment", seconds: IDLE_SECONDS }], formErrors: [] };
      const idleRun = await runSyntheticCheck({ profile, scenario, specs: [idler], browser, artifactsDir, trace: false });
      const persona = idleRun.personas[0];
      measurements.push({
        label: `1 persona idle ${IDLE_SECONDS} s (virtual) + checkout`,
        units: 1,
        events: null,
        wallSeconds: [persona.wallSeconds],
        columns: { "virtual s": persona.virtualSeconds.toFixed(0) },
      });

      return {
        suite: "synthetic",
        title: "Synthetic shoppers against the demo store (Chromium)",
        unitName: "personas",
        measurements,
        ratios: [
          ...runs.map((run, index) => ({
            label: `full checkouts per minute, ${run.label}`,
            value: run.perMinute,
            unit: "/min",
            ...(index === 0 ? { target: "≥ 30/min", met: run.perMinute >= 30 } : {}),
          })),
          {
            label: `wall time of a ${IDLE_SECONDS / 60}-minute idle persona`,
            value: persona.wallSeconds,
            unit: " s",
            target: "< 10 s",
            met: persona.wallSeconds < 10,
          },
        ],
        notes: [
          `failed checks during the runs: ${runs.map((run) => run.failed).join(", ")} (should be 0); the idle persona's virtual time: ${persona.virtualSeconds.toFixed(0)} s, its checks ${idleRun.checks.map((check) => `${check.check} ${check.status}`).join(", ")}`,
          "model personas come from the baseline shopper model, all finishing (browsing, items, pauses, form errors, invitations, money checks); direct ones add one item and go straight to checkout",
          "the runs are CPU-bound: a model persona (about 16 pages) costs about 6 CPU-seconds at 1 at once and 7 at 2 at once (Chromium about three quarters, Node with the store and Playwright the rest); bare page loads alone cost about 0.2 CPU-seconds each on this machine, so 2 cores cannot exceed about 35 such personas per minute even with no checks at all",
          "a machine busy with other work moves these figures a lot: compare runs at similar load averages",
        ],
      };
    } finally {
      await browser.close();
      await store.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  },
};
