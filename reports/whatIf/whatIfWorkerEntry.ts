/**
 * The what-if panel's Web Worker: bundled by esbuild into the report (see scripts/build
 * buildWhatIfWorker), started from a blob: URL. One message in, `{ config, seed, levers, id }`;
 * one message out, `{ id, figures }` or `{ id, error }`. The same simulateChatOnly the CLI runs,
 * so the published levers give the CLI's numbers.
 */
import { type ChatOnlyModelConfig, simulateChatOnly } from "../../sim/model/index.ts";
import { decodeModelJson } from "./modelJson.ts";
import { applyLevers, type WhatIfLevers, whatIfFigures } from "./whatIfLevers.ts";

interface WhatIfRequest {
  id: number;
  /** The model as encodeModelJson wrote it (non-finite numbers marked), parsed. */
  config: unknown;
  seed: string | number;
  levers: WhatIfLevers;
}

const scope = globalThis as unknown as { onmessage: ((event: { data: WhatIfRequest }) => void) | null; postMessage: (message: unknown) => void };

scope.onmessage = (event) => {
  const { id, config, seed, levers } = event.data;
  try {
    scope.postMessage({ id, figures: whatIfFigures(simulateChatOnly(applyLevers(decodeModelJson<ChatOnlyModelConfig>(config), levers), { seed })) });
  } catch (error) {
    scope.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
};
