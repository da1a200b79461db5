import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BUNDLE_SOURCES_FILE, staleBundle } from "../bin/staleBundle.mjs";
import { COMMANDS } from "../cli/commandTable.ts";
import { buildCli } from "./buildCli.ts";

let folder: string;
let outDirectory: string;

beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), "convsim-build-"));
  // Inside the project: the bundle imports its packages from the project's node_modules.
  outDirectory = fileURLToPath(new URL(`../../dist/test-${process.pid}`, import.meta.url));
  await buildCli(outDirectory);
});
afterAll(() => {
  rmSync(folder, { recursive: true, force: true });
  rmSync(outDirectory, { recursive: true, force: true });
});

/** The chunks a module imports statically (`import ... from "./chunk.mjs"`), followed transitively, and the packages they name. */
function staticImports(entry: string): { files: Set<string>; packages: Set<string> } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const visit = (name: string): void => {
    if (files.has(name)) return;
    files.add(name);
    const text = readFileSync(join(outDirectory, name), "utf8");
    // Static imports only: `import(...)` (a dynamic import) loads its chunk when the command runs.
    for (const match of text.matchAll(/^(?:import|export)\s[^;]*?from\s*"([^"]+)"|^import\s*"([^"]+)"/gm)) {
      const specifier = match[1] ?? match[2];
      if (specifier.startsWith("./")) visit(specifier.slice(2));
      else packages.add(specifier);
    }
  };
  visit(entry);
  return { files, packages };
}

describe("buildCli", () => {
  it("buildCli's entry loads no command's dependencies: no simulator packages, Plot, linkedom, fastify or playwright-core", () => {
    const { packages } = staticImports("main.mjs");
    for (const heavy of ["@observablehq/plot", "linkedom", "fastify", "playwright-core", "zod", "yaml", "piscina", "esbuild"])
      expect([...packages]).not.toContain(heavy);
    const simulate = readFileSync(join(outDirectory, "main.mjs"), "utf8").match(/import\("\.\/(simulateCommand-[A-Z0-9]+\.mjs)"\)/);
    expect(simulate).not.toBeNull(); // the command is a chunk of its own, imported when it runs
    // ... that loads the scenario loader (zod, copied into the chunks) and none of what only --worlds,
    // --funnel-csv, --report or a store's chat lift need (worker pool, queue client, CSV, statistics, Plot).
    const loaded = staticImports(simulate![1]);
    const text = [...loaded.files].map((name) => readFileSync(join(outDirectory, name), "utf8")).join("\n");
    expect(text).toContain("node_modules/zod/");
    for (const heavy of ["piscina", "esbuild", "bullmq", "ioredis", "csv-parse/sync", "@observablehq/plot", "linkedom", "zod", "yaml"])
      expect([...loaded.packages]).not.toContain(heavy);
    expect(text).not.toContain("node_modules/@stdlib/stats-base-dists-t-quantile/");
    // Nor what only some scenarios need: the Beta quantile (worlds of a `{ beta }` spec, required on
    // first use) and zod's messages in other languages (the CLI keeps English, zod's default).
    expect(text).not.toContain("node_modules/@stdlib/stats-base-dists-beta-quantile/");
    expect(text).toContain("node_modules/zod/v4/locales/en.js");
    expect(text).not.toContain("node_modules/zod/v4/locales/de.js");
  });

  it("the built CLI answers --help and simulates a chat-only scenario, with the pool's worker bundle beside it", () => {
    const help = spawnSync(process.execPath, [join(outDirectory, "main.mjs"), "--help"], { encoding: "utf8" });
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/^convsim \d+\.\d+\.\d+: /);
    const scenario = join(folder, "desk.yaml");
    writeFileSync(
      scenario,
      "name: Desk\nmode: chatOnly\ncurrency: USD\nseed: 3\nhorizon: { days: 1, intervalMinutes: 60 }\narrivals: { chatsPerDay: 100 }\nhandleSeconds: { kind: exponential, mean: 300 }\nserviceLevelSeconds: 30\nagents: { concurrency: 1, shrinkage: 0, costPerHour: 20, schedule: 2 }\n",
    );
    const fromBundle = spawnSync(process.execPath, [join(outDirectory, "main.mjs"), "simulate", scenario, "--json"], { encoding: "utf8" });
    const fromSource = spawnSync(process.execPath, ["--import", "tsx", "scripts/cli/main.ts", "simulate", scenario, "--json"], { encoding: "utf8" });
    expect(fromBundle.status).toBe(0);
    // The same code: the same results, byte for byte.
    expect(JSON.parse(fromBundle.stdout).results).toEqual(JSON.parse(fromSource.stdout).results);
    expect(readFileSync(join(outDirectory, "simulation-worker.mjs"), "utf8")).toMatch(/createRequire as __convsimRequire/);
  });

  it("every built file is plain ASCII (V8 then holds it as one-byte text), the comments' − written as \\u2212", () => {
    const files = readdirSync(outDirectory);
    expect(files.filter((name) => /[\u0080-\uffff]/.test(readFileSync(join(outDirectory, name), "utf8")))).toEqual([]);
    // The engine's sources hold "−" in doc comments that esbuild keeps: now escaped text.
    expect(files.some((name) => readFileSync(join(outDirectory, name), "utf8").includes("`now + (at \\u2212 now)` can round away"))).toBe(true);
  });

  it("every `convsim <command> --help` of the built CLI resolves no package at all (no Plot, linkedom, playwright, fastify, highs, bullmq…)", () => {
    // A resolve hook in the child writes every module URL it loads; a command's --help must read only its flag table.
    const hooks = join(folder, "recordHooks.mjs");
    writeFileSync(
      hooks,
      [
        'import { appendFileSync } from "node:fs";',
        "export async function resolve(specifier, context, next) {",
        "  const result = await next(specifier, context);",
        '  appendFileSync(process.env.MODULE_LOG, result.url + "\\n");',
        "  return result;",
        "}",
      ].join("\n"),
    );
    const register = join(folder, "recordModules.mjs");
    writeFileSync(register, `import { register } from "node:module";\nregister(${JSON.stringify(pathToFileURL(hooks).href)});\n`);
    const loaded: Record<string, string[]> = {};
    for (const entry of COMMANDS) {
      const log = join(folder, `${entry.name}.modules`);
      writeFileSync(log, "");
      const run = spawnSync(process.execPath, ["--import", pathToFileURL(register).href, join(outDirectory, "main.mjs"), entry.name, "--help"], {
        encoding: "utf8",
        env: { ...process.env, MODULE_LOG: log },
      });
      expect(run.status, run.stderr).toBe(0);
      expect(run.stdout).toMatch(new RegExp(`^convsim ${entry.name}: `));
      const urls = readFileSync(log, "utf8").split("\n").filter(Boolean);
      expect(
        urls.some((url) => url.includes("Args-")),
        `${entry.name} loads its flag table`,
      ).toBe(true);
      loaded[entry.name] = urls.filter((url) => url.includes("/node_modules/")).map((url) => url.replace(/^.*\/node_modules\//, ""));
    }
    expect(loaded).toEqual(Object.fromEntries(COMMANDS.map((entry) => [entry.name, []])));
  }, 300_000);

  it("buildCli lists beside the bundle the project files it was built from: sources of the CLI and the worker, the build's own code, no tests or packages", () => {
    const { sources } = JSON.parse(readFileSync(join(outDirectory, BUNDLE_SOURCES_FILE), "utf8")) as { sources: string[] };
    for (const source of [
      "scripts/cli/main.ts",
      "scripts/cli/simulateCommand.ts",
      "sim/model/ChatCenter.ts",
      "sim/engine/EventQueue.ts",
      "experiments/parallel/simulationWorker.ts",
      "scripts/build/buildCli.ts",
      "package.json",
      "tsconfig.json",
    ])
      expect(sources).toContain(source);
    expect(sources.filter((source) => source.includes("node_modules") || source.endsWith(".test.ts") || source.includes(":"))).toEqual([]);
    expect(sources).toEqual([...sources].sort());
  });

  it("staleBundle with the build's source list: stale when a listed file is newer than the bundle or gone, not for an unlisted one", () => {
    const root = join(folder, "listed");
    mkdirSync(join(root, "sim"), { recursive: true });
    mkdirSync(join(root, "dist"), { recursive: true });
    const bundle = join(root, "dist", "main.mjs");
    for (const file of ["package.json", "sim/a.ts", "sim/b.ts", "sim/unlisted.ts", "dist/main.mjs"]) writeFileSync(join(root, file), "");
    writeFileSync(join(root, "dist", BUNDLE_SOURCES_FILE), JSON.stringify({ sources: ["package.json", "sim/a.ts", "sim/b.ts"] }));
    const past = new Date(Date.now() - 60_000);
    const future = new Date(Date.now() + 60_000);
    for (const file of ["package.json", "sim/a.ts", "sim/b.ts", "sim/unlisted.ts"]) utimesSync(join(root, file), past, past);
    expect(staleBundle(root, bundle)).toBe(false);
    // Not imported by any listed file, so not in the bundle (a listed file edited to import it makes the bundle stale).
    utimesSync(join(root, "sim/unlisted.ts"), future, future);
    expect(staleBundle(root, bundle)).toBe(false);
    utimesSync(join(root, "sim/b.ts"), future, future);
    expect(staleBundle(root, bundle)).toBe(true);
    utimesSync(join(root, "sim/b.ts"), past, past);
    expect(staleBundle(root, bundle)).toBe(false);
    rmSync(join(root, "sim/a.ts"));
    expect(staleBundle(root, bundle)).toBe(true);
  });

  it("staleBundle without a source list (an older build): true when the bundle is missing or older than a source under the source folders, false otherwise", () => {
    const root = join(folder, "tree");
    for (const sub of ["sim", "experiments", "reports", "scripts"]) mkdirSync(join(root, sub), { recursive: true });
    writeFileSync(join(root, "package.json"), "{}");
    writeFileSync(join(root, "sim", "a.ts"), "export {};");
    writeFileSync(join(root, "sim", "a.test.ts"), "export {};");
    const bundle = join(root, "main.mjs");
    expect(staleBundle(root, bundle)).toBe(true);
    writeFileSync(bundle, "");
    const past = new Date(Date.now() - 60_000);
    for (const file of ["package.json", "sim/a.ts", "sim/a.test.ts"]) utimesSync(join(root, file), past, past);
    expect(staleBundle(root, bundle)).toBe(false);
    utimesSync(join(root, "sim/a.test.ts"), new Date(), new Date(Date.now() + 60_000)); // tests are not bundled
    expect(staleBundle(root, bundle)).toBe(false);
    utimesSync(join(root, "sim/a.ts"), new Date(), new Date(Date.now() + 60_000));
    expect(staleBundle(root, bundle)).toBe(true);
  });
});
