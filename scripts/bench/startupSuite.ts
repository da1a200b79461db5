import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { median } from "simple-statistics";
import { CLI_BUNDLE_DIRECTORY } from "../build/index.ts";
import { COMMANDS } from "../cli/commandTable.ts";
import type { BenchMeasurement, BenchSuite } from "./benchSuite.ts";

/** A chat-only scenario small enough that start-up, not simulation, is most of a run. */
const TINY_CHAT_ONLY = `name: Tiny desk
mode: chatOnly
currency: USD
seed: 1
horizon: { days: 1, intervalMinutes: 60 }
arrivals: { chatsPerDay: 200 }
handleSeconds: { kind: exponential, mean: 300 }
patienceSeconds: { kind: exponential, mean: 120 }
serviceLevelSeconds: 30
agents: { concurrency: 1, shrinkage: 0, costPerHour: 20, schedule: 2 }
`;

/** The line that runs without the bin's code cache, as a command's first run after a build does. */
const FIRST_RUN = "convsim simulate tiny (bundle, first run: no code cache)";
const CODE_CACHE_DIRECTORY = join(CLI_BUNDLE_DIRECTORY, "code-cache");

/** Rounds per command line: each round runs every command once, in turn. */
const MIN_ROUNDS = 10;
/** Issue target: every `convsim [<command>] --help` within this many times a bare `node -e 0`. */
const HELP_TARGET_RATIO = 3;

/**
 * Issue target: `convsim --help` and every `convsim <command> --help` within 3× a bare `node -e 0`,
 * measured in the same run. Whole processes, as a user starts them: bare node; the installed bin
 * (prebuilt bundle) for `--help`, for each command's `--help` (a command's help must not load its
 * dependencies) and for `simulate` of a tiny chat-only scenario, with the bin's code cache and
 * without it (a command's first run after a build); and `--help` and `simulate` from the
 * TypeScript sources through tsx (how `npm run` started every command before the bundle). Rounds
 * alternate the command lines so other load on the machine hits all alike; figures are medians, and
 * each line's median is printed beside bare node's as a ratio.
 */
export const startupSuite: BenchSuite = {
  name: "startup",
  description: "start-up: convsim --help and a tiny simulate (bundle and tsx) vs bare node -e 0, whole processes",
  async run(context) {
    const folder = mkdtempSync(join(tmpdir(), "convsim-startup-"));
    const scenario = join(folder, "tiny.yaml");
    writeFileSync(scenario, TINY_CHAT_ONLY);
    // The bin as an installed `convsim` runs: an executable, through its shebang and the Node flags it declares.
    const bin = resolve("scripts/bin/convsim.cjs");
    const source = [process.execPath, "--import", "tsx", resolve("scripts/cli/main.ts")];
    const lines: [string, string[]][] = [
      ["node -e 0", [process.execPath, "-e", "0"]],
      ["convsim --help (bundle)", [bin, "--help"]],
      ...COMMANDS.map((entry): [string, string[]] => [`convsim ${entry.name} --help (bundle)`, [bin, entry.name, "--help"]]),
      ["convsim simulate tiny (bundle)", [bin, "simulate", scenario]],
      // A command's first run after a build: no code cache yet (removed before each such run), compiled from text and the cache written.
      [FIRST_RUN, [bin, "simulate", scenario]],
      ["convsim --help (tsx, source)", [...source, "--help"]],
      ["convsim simulate tiny (tsx, source)", [...source, "simulate", scenario]],
    ];
    try {
      // Untimed first run: builds the bundle if a source changed, warms the file cache.
      for (const [, args] of lines) run(args);
      const seconds = new Map<string, number[]>(lines.map(([label]) => [label, []]));
      const rounds = Math.max(MIN_ROUNDS, context.repeats);
      for (let round = 0; round < rounds; round++) {
        context.log(`round ${round + 1}/${rounds}`);
        for (const [label, args] of lines) {
          if (label === FIRST_RUN) rmSync(CODE_CACHE_DIRECTORY, { recursive: true, force: true });
          seconds.get(label)!.push(run(args));
        }
      }
      const bare = median(seconds.get("node -e 0")!);
      const ratio = (label: string) => median(seconds.get(label)!) / bare;
      const measurements: BenchMeasurement[] = lines.map(([label]) => ({
        label,
        units: 1,
        events: null,
        wallSeconds: seconds.get(label)!,
        columns: { "median ms": (median(seconds.get(label)!) * 1000).toFixed(0), "× node -e 0": `${ratio(label).toFixed(2)}×` },
      }));
      const helpLabels = lines.map(([label]) => label).filter((label) => label.includes("--help (bundle)"));
      const slowestHelp = helpLabels.reduce((slowest, label) => (ratio(label) > ratio(slowest) ? label : slowest));
      return {
        suite: "startup",
        title: `start-up, whole processes, ${rounds} alternating rounds (medians)`,
        unitName: "runs",
        measurements,
        ratios: [
          ...helpLabels.map((label) => ({
            label: `${label.replace(" (bundle)", "")} / node -e 0`,
            value: ratio(label),
            target: `≤ ${HELP_TARGET_RATIO}×`,
            met: ratio(label) <= HELP_TARGET_RATIO,
          })),
          { label: "convsim simulate tiny (bundle) / node -e 0", value: ratio("convsim simulate tiny (bundle)") },
          { label: "simulate tiny: first run (no code cache) / with code cache", value: ratio(FIRST_RUN) / ratio("convsim simulate tiny (bundle)") },
          {
            label: "--help: tsx source / bundle",
            value: median(seconds.get("convsim --help (tsx, source)")!) / median(seconds.get("convsim --help (bundle)")!),
          },
          {
            label: "simulate tiny: tsx source / bundle",
            value: median(seconds.get("convsim simulate tiny (tsx, source)")!) / median(seconds.get("convsim simulate tiny (bundle)")!),
          },
        ],
        notes: [
          `bare node median ${(bare * 1000).toFixed(0)} ms; slowest help: ${slowestHelp.replace(" (bundle)", "")} at ${ratio(slowestHelp).toFixed(2)}× (${helpLabels.filter((label) => ratio(label) <= HELP_TARGET_RATIO).length} of ${helpLabels.length} within ${HELP_TARGET_RATIO}×)`,
          "the tiny scenario is 200 chats on a 1-day chat-only desk",
        ],
      };
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  },
};

/** Wall seconds of one whole process, `command ...args`; a failed run is a bug in the suite. */
function run([command, ...args]: readonly string[]): number {
  const started = performance.now();
  const result = spawnSync(command, args, { encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
  const seconds = (performance.now() - started) / 1000;
  if (result.status !== 0) throw new Error(`${command} ${args.join(" ")} exited ${result.status}: ${result.stderr}`);
  return seconds;
}
