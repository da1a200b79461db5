import { defineCommand } from "citty";
import { VERSION } from "../../experiments/index.ts";
import { compareCommand } from "./compareCommand.ts";
import { replicateCommand } from "./replicateCommand.ts";
import { runCli } from "./runCli.ts";
import { schemaCommand } from "./schemaCommand.ts";
import { simulateCommand } from "./simulateCommand.ts";
import { startCommand } from "./startCommand.ts";
import { storeCommand } from "./storeCommand.ts";
import { exportFunnelCommand } from "./exportFunnelCommand.ts";

/** The `convsim` command line. */
export const main = defineCommand({
  meta: { name: "convsim", version: VERSION, description: "Conversion experiment and simulation toolkit: checkout abandonment, proactive chat, agent staffing" },
  subCommands: {
    start: startCommand,
    simulate: simulateCommand,
    replicate: replicateCommand,
    compare: compareCommand,
    schema: schemaCommand,
    store: storeCommand,
    "export-funnel": exportFunnelCommand,
    report: () => import("./reportCommand.ts").then((module) => module.reportCommand),
    staff: () => import("./staffCommand.ts").then((module) => module.staffCommand),
    check: () => import("./checkCommand.ts").then((module) => module.checkCommand),
    calibrate: () => import("./calibrateCommand.ts").then((module) => module.calibrateCommand),
    worker: () => import("./workerCommand.ts").then((module) => module.workerCommand),
  },
});

await runCli(main, process.argv.slice(2));
