import { defineCommand } from "citty";
import { VERSION } from "../../experiments/index.ts";
import { compareCommand } from "./compareCommand.ts";
import { runCli } from "./runCli.ts";
import { schemaCommand } from "./schemaCommand.ts";
import { simulateCommand } from "./simulateCommand.ts";
import { startCommand } from "./startCommand.ts";

/** The `convsim` command line. */
export const main = defineCommand({
  meta: { name: "convsim", version: VERSION, description: "Conversion experiment and simulation toolkit: checkout abandonment, proactive chat, agent staffing" },
  subCommands: {
    start: startCommand,
    simulate: simulateCommand,
    compare: compareCommand,
    schema: schemaCommand,
  },
});

await runCli(main, process.argv.slice(2));
