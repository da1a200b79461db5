import type { BenchSuite } from "./benchSuite.ts";
import { decisionSuite } from "./decisionSuite.ts";
import { distributedSuite } from "./distributedSuite.ts";
import { erlangAEndToEndSuite } from "./erlangAEndToEndSuite.ts";
import { mmcSuite } from "./mmc.ts";
import { modelSuite } from "./modelSuite.ts";
import { parallelSuite } from "./parallelSuite.ts";
import { protocolSuite } from "./protocolSuite.ts";
import { reportSuite } from "./reportBench.ts";
import { shiftSolverSuite } from "./shiftSolverSuite.ts";
import { startupSuite } from "./startupSuite.ts";
import { storeLoadSuite } from "./storeLoadSuite.ts";
import { syntheticSuite } from "./syntheticSuite.ts";

/** Every benchmark suite, run in this order by `npm run bench`; add new suites here. */
export const suites: readonly BenchSuite[] = Object.freeze([
  startupSuite,
  erlangAEndToEndSuite,
  mmcSuite,
  modelSuite,
  parallelSuite,
  distributedSuite,
  decisionSuite,
  reportSuite,
  syntheticSuite,
  protocolSuite,
  shiftSolverSuite,
  storeLoadSuite,
]);
