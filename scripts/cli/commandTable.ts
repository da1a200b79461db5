import type { ArgsDef, CommandDef } from "citty";

/** One `convsim` subcommand: its name, its one-line summary, and how to load it (only when it runs). */
export interface CommandEntry {
  readonly name: string;
  readonly summary: string;
  /**
   * Imports the command's module. Each command pulls in its own dependencies (the simulator,
   * Plot and linkedom, fastify, playwright-core); loading them only for the command that runs keeps
   * `convsim --help` and a small `simulate` from paying for all of them.
   */
  readonly load: () => Promise<CommandDef<any>>;
  /**
   * Imports only the command's flag table, for `--help` and `convsim help <command>`: the table's
   * module imports no more than the constants its descriptions quote, so help starts as fast as node.
   */
  readonly args: () => Promise<ArgsDef>;
}

/** Every subcommand, in the order `convsim --help` lists them. */
export const COMMANDS: readonly CommandEntry[] = [
  {
    name: "start",
    summary: "Main job: simulate the baseline, compare the example policies, recommend staffing, write reports/out/index.html",
    load: () => import("./startCommand.ts").then((module) => module.startCommand),
    args: () => import("./startArgs.ts").then((module) => module.startArgs),
  },
  {
    name: "init",
    summary: "Write a commented starter scenario (store or chat-only) from a few numbers",
    load: () => import("./initCommand.ts").then((module) => module.initCommand),
    args: () => import("./initArgs.ts").then((module) => module.initArgs),
  },
  {
    name: "simulate",
    summary: "Run one simulation of a scenario and print predicted funnel, revenue and chat figures",
    load: () => import("./simulateCommand.ts").then((module) => module.simulateCommand),
    args: () => import("./simulateArgs.ts").then((module) => module.simulateArgs),
  },
  {
    name: "replicate",
    summary: "Run independent replications of a scenario and report every KPI with a confidence interval",
    load: () => import("./replicateCommand.ts").then((module) => module.replicateCommand),
    args: () => import("./replicateArgs.ts").then((module) => module.replicateArgs),
  },
  {
    name: "compare",
    summary: "Compare trigger policies or store levers against a control with paired replications",
    load: () => import("./compareCommand.ts").then((module) => module.compareCommand),
    args: () => import("./compareArgs.ts").then((module) => module.compareArgs),
  },
  {
    name: "staff",
    summary: "Find the agents per interval that meet a service target, side by side with Erlang A/C",
    load: () => import("./staffCommand.ts").then((module) => module.staffCommand),
    args: () => import("./staffArgs.ts").then((module) => module.staffArgs),
  },
  {
    name: "calibrate",
    summary: "Fit a store scenario's abandonment and friction parameters to observed funnel counts and write the calibrated scenario",
    load: () => import("./calibrateCommand.ts").then((module) => module.calibrateCommand),
    args: () => import("./calibrateArgs.ts").then((module) => module.calibrateArgs),
  },
  {
    name: "report",
    summary: "Render results files as one self-contained HTML report (charts, tables, how to reproduce)",
    load: () => import("./reportCommand.ts").then((module) => module.reportCommand),
    args: () => import("./reportArgs.ts").then((module) => module.reportArgs),
  },
  {
    name: "store",
    summary: "Run the live demo store (shop, chat widget, agent console) for a scenario; `store users add` adds console accounts",
    load: () => import("./storeCommand.ts").then((module) => module.storeCommand),
    args: () => import("./storeArgs.ts").then((module) => module.storeArgs),
  },
  {
    name: "check",
    summary: "Run synthetic shoppers against a live store and check its funnel, money, forms, chat policy and timings",
    load: () => import("./checkCommand.ts").then((module) => module.checkCommand),
    args: () => import("./checkArgs.ts").then((module) => module.checkArgs),
  },
  {
    name: "export-funnel",
    summary: "Write the live store's funnel counts as the CSV that calibrate reads",
    load: () => import("./exportFunnelCommand.ts").then((module) => module.exportFunnelCommand),
    args: () => import("./exportFunnelArgs.ts").then((module) => module.exportFunnelArgs),
  },
  {
    name: "worker",
    summary: "Run tasks from a Redis queue for replicate/compare/staff/calibrate --queue on other machines",
    load: () => import("./workerCommand.ts").then((module) => module.workerCommand),
    args: () => import("./workerArgs.ts").then((module) => module.workerArgs),
  },
  {
    name: "schema",
    summary: "Print the scenario JSON Schema (for editor autocompletion)",
    load: () => import("./schemaCommand.ts").then((module) => module.schemaCommand),
    args: () => import("./schemaArgs.ts").then((module) => module.schemaArgs),
  },
];

/** The entry named `name`, or undefined. */
export function findCommand(name: string): CommandEntry | undefined {
  return COMMANDS.find((entry) => entry.name === name);
}
