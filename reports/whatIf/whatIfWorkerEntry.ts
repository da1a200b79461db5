/**
 * The what-if panel's Web Worker: bundled by esbuild into the report (see scripts/build
 * buildWhatIfWorker), started from a blob: URL. One message in, `{ id, kind, config, seed, levers,
 * policies?, published?, locale?, currency? }`; for a store run some `{ id, progress }` messages
 * (share of the expected sessions finished), then one `{ id, figures, text?, change? }` (a store run's
 * figures and their change from the published run written by the report's formatter) or `{ id, error }`. The same simulators the CLI runs, so the
 * published levers give the CLI's numbers.
 */

import { createFormatter } from "../../experiments/format/index.ts";
import { type ChatOnlyModelConfig, type StoreModelConfig, simulateChatOnly, simulateStore } from "../../sim/model/index.ts";
import type { ResolvedPolicy } from "../../sim/policy/index.ts";
import { decodeModelJson } from "./modelJson.ts";
import { formatStoreChange, formatStoreFigure, STORE_WHAT_IF_ROWS } from "./storeWhatIfFormat.ts";
import { applyStoreLevers, type StoreWhatIfFigures, type StoreWhatIfLevers, storeWhatIfFigures } from "./storeWhatIfLevers.ts";
import { applyLevers, type WhatIfLevers, whatIfFigures } from "./whatIfLevers.ts";

type WhatIfRequest =
  | { id: number; kind?: "chatOnly"; config: unknown; seed: string | number; levers: WhatIfLevers }
  /** `config` and `policies` as encodeModelJson wrote them (non-finite numbers marked), parsed. */
  | {
      id: number;
      kind: "store";
      config: unknown;
      seed: string | number;
      levers: StoreWhatIfLevers;
      policies?: unknown;
      published: StoreWhatIfFigures;
      locale: string;
      currency: string;
    };

const scope = globalThis as unknown as { onmessage: ((event: { data: WhatIfRequest }) => void) | null; postMessage: (message: unknown) => void };

/** Progress messages per run: enough for a smooth bar, few enough to cost nothing. */
const PROGRESS_STEPS = 50;

scope.onmessage = (event) => {
  const request = event.data;
  const { id, seed } = request;
  try {
    if (request.kind === "store") {
      const policies = decodeModelJson<ResolvedPolicy[]>(request.policies ?? []);
      const config = applyStoreLevers(decodeModelJson<StoreModelConfig>(request.config), request.levers, policies);
      const expected = config.sessionRatesPerSecond.reduce((total, rate) => total + rate * config.horizon.intervalSeconds, 0);
      const every = Math.max(1, Math.round(expected / PROGRESS_STEPS));
      let finished = 0;
      // onSession only observes finished sessions; it draws nothing, so the run is the CLI's.
      const onSession = (): void => {
        finished += 1;
        if (finished % every === 0) scope.postMessage({ id, progress: Math.min(1, finished / expected) });
      };
      const figures = storeWhatIfFigures(simulateStore(config, { seed, onSession }));
      const formatter = createFormatter({ locale: request.locale, currency: request.currency });
      const text: Record<string, string> = {};
      const change: Record<string, string> = {};
      for (const row of STORE_WHAT_IF_ROWS) {
        text[row.key] = formatStoreFigure(figures[row.key], row.format, formatter);
        change[row.key] = formatStoreChange(figures[row.key], request.published[row.key], row.format, formatter);
      }
      scope.postMessage({ id, figures, text, change });
      return;
    }
    scope.postMessage({
      id,
      figures: whatIfFigures(simulateChatOnly(applyLevers(decodeModelJson<ChatOnlyModelConfig>(request.config), request.levers), { seed })),
    });
  } catch (error) {
    scope.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
};
