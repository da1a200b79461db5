import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BUNDLE_SOURCES_FILE, commandScript, readManifest, staleBundle } from "../bin/staleBundle.cjs";
import { COMMANDS } from "../cli/commandTable.ts";
import { buildCli, CLI_BUNDLE_FILE } from "./buildCli.ts";

let folder: string;
let outDirectory: string;

beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), "convsim-build-"));
  // Inside the project: the bundle imports its packages from the project's node_modules.
  outDirectory = fileURLToPath(new URL(`../../dist/test-${process.pid}`, import.meta.url));
  await buildCli(outDirectory);
  writeRunner();
  writeRecorder();
});

/** A small chat-only scenario: 100 chats on 2 agents. */
const DESK_YAML =
  "name: Desk\nmode: chatOnly\ncurrency: USD\nseed: 3\nhorizon: { days: 1, intervalMinutes: 60 }\narrivals: { chatsPerDay: 100 }\nhandleSeconds: { kind: exponential, mean: 300 }\nserviceLevelSeconds: 30\nagents: { concurrency: 1, shrinkage: 0, costPerHour: 20, schedule: 2 }\n";
afterAll(() => {
  rmSync(folder, { recursive: true, force: true });
  rmSync(outDirectory, { recursive: true, force: true });
});

/**
 * Runs the built CLI (`node <entry> ...args`) with a preload that records, in order, every package and
 * command script the built scripts `require` (node_modules' names and `./commands/...`, not Node's
 * built-ins nor what packages require in turn): what a command really loads, whatever the text holds.
 */
function runRecordingPackages(args: readonly string[]): { status: number | null; stdout: string; stderr: string; packages: string[] } {
  const log = join(folder, `packages-${Math.random().toString(36).slice(2)}.log`);
  writeFileSync(log, "");
  const run = spawnSync(process.execPath, ["--require", recorder, runner, ...args], {
    encoding: "utf8",
    env: { ...process.env, PACKAGE_LOG: log, BUILD_DIRECTORY: outDirectory },
  });
  const packages = [...new Set(readFileSync(log, "utf8").split("\n").filter(Boolean))];
  return { status: run.status, stdout: run.stdout, stderr: run.stderr, packages };
}

/** Runs the build in `outDirectory` as the bin runs dist/cli: through the loader, with code caches beside it. */
let runner: string;
function writeRunner(): void {
  runner = join(folder, "runBuild.cjs");
  writeFileSync(
    runner,
    [
      `const { installBundleLoader } = require(${JSON.stringify(fileURLToPath(new URL("../bin/codeCache.cjs", import.meta.url)))});`,
      `const directory = ${JSON.stringify(outDirectory)};`,
      `const manifest = JSON.parse(require("node:fs").readFileSync(require("node:path").join(directory, ${JSON.stringify(BUNDLE_SOURCES_FILE)}), "utf8"));`,
      'const load = installBundleLoader(directory, require("node:path").join(directory, "code-cache"), manifest.hash);',
      "// Each command script the entry loads is logged as the recorder logs packages (PACKAGE_LOG).",
      'globalThis[Symbol.for("convsim.loadBundle")] = (script) => {',
      '  if (process.env.PACKAGE_LOG) require("node:fs").appendFileSync(process.env.PACKAGE_LOG, script + "\\n");',
      "  return load(script);",
      "};",
      "load(manifest.bundle);",
    ].join("\n"),
  );
}

let recorder: string;
function writeRecorder(): void {
  recorder = join(folder, "recordPackages.cjs");
  writeFileSync(
    recorder,
    [
      'const Module = require("node:module");',
      'const { appendFileSync } = require("node:fs");',
      "const load = Module._load;",
      "Module._load = function (request, parent, isMain) {",
      '  const fromBuild = parent != null && typeof parent.filename === "string" && parent.filename.startsWith(process.env.BUILD_DIRECTORY);',
      '  if (!isMain && fromBuild && !request.startsWith("node:") && !Module.isBuiltin(request))',
      '    appendFileSync(process.env.PACKAGE_LOG, request + "\\n");',
      "  return load.apply(this, arguments);",
      "};",
    ].join("\n"),
  );
}

describe("buildCli", () => {
  it("the entry script holds the dispatcher and flag tables only; each command is a script of its own with its packages copied in as listed", () => {
    const entry = readFileSync(join(outDirectory, CLI_BUNDLE_FILE), "utf8");
    // esbuild heads each module it copies in with its path: no simulator, schema or zod in the entry.
    expect(entry).not.toMatch(/^\/\/ (sim|node_modules\/zod|experiments\/scenario\/schema)\//m);
    expect(entry).toMatch(/^\/\/ scripts\/cli\/simulateArgs\.ts$/m);
    expect(entry).toContain('"./commands/simulateCommand.cjs"');
    const commands = readdirSync(join(outDirectory, "commands")).sort();
    expect(commands.map((name) => `commands/${name}`)).toEqual(COMMANDS.map((command) => commandScript(command.name)).sort());
    const simulate = readFileSync(join(outDirectory, "commands", "simulateCommand.cjs"), "utf8");
    // zod is copied in, English messages only (the CLI never switches zod's locale); the Beta quantile
    // (worlds of a `{ beta }` spec) stays a package, required on first use.
    expect(simulate).toContain("node_modules/zod/v4/locales/en.js");
    expect(simulate).not.toContain("node_modules/zod/v4/locales/de.js");
    expect(simulate).not.toContain("node_modules/@stdlib/stats-base-dists-beta-quantile/");
    expect(simulate).toContain('requireFromHere("@stdlib/stats-base-dists-beta-quantile")');
  });

  it("a chat-only simulate to stdout loads its script and no package: none of what only --worlds, --funnel-csv, --report, --out or a store's chat lift need", () => {
    const scenario = join(folder, "desk-packages.yaml");
    writeFileSync(scenario, DESK_YAML);
    const run = runRecordingPackages(["simulate", scenario, "--json"]);
    expect(run.status, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout).results.chat.requests).toBeGreaterThan(50);
    // Its own script and no package at all (not even write-file-atomic: the results go to stdout).
    expect(run.packages).toEqual(["./commands/simulateCommand.cjs"]);
    // The recorder does see a package when a run needs it: a report loads Plot and linkedom, and writes its file atomically.
    const report = runRecordingPackages(["simulate", scenario, "--report", join(folder, "desk-report.html")]);
    expect(report.status, report.stderr).toBe(0);
    expect(report.packages).toEqual(expect.arrayContaining(["@observablehq/plot", "linkedom", "write-file-atomic"]));
  }, 120_000);

  it("the built CLI answers --help and simulates a chat-only scenario, with the pool's worker bundle beside it", () => {
    const help = spawnSync(process.execPath, [runner, "--help"], { encoding: "utf8" });
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/^convsim \d+\.\d+\.\d+: /);
    const scenario = join(folder, "desk.yaml");
    writeFileSync(scenario, DESK_YAML);
    const fromBundle = spawnSync(process.execPath, [runner, "simulate", scenario, "--json"], { encoding: "utf8" });
    const fromSource = spawnSync(process.execPath, ["--import", "tsx", "scripts/cli/main.ts", "simulate", scenario, "--json"], { encoding: "utf8" });
    expect(fromBundle.status).toBe(0);
    // The same code: the same results, byte for byte.
    expect(JSON.parse(fromBundle.stdout).results).toEqual(JSON.parse(fromSource.stdout).results);
    expect(readFileSync(join(outDirectory, "simulation-worker.mjs"), "utf8")).toMatch(/createRequire as __convsimRequire/);
  });

  it("every built file is plain ASCII (V8 then holds it as one-byte text), the comments' − written as \\u2212", () => {
    const files = readdirSync(outDirectory, { recursive: true, encoding: "utf8" }).filter((name) => /\.(c|m)js$/.test(name));
    expect(files.length).toBeGreaterThan(COMMANDS.length);
    expect(files.filter((name) => /[\u0080-\uffff]/.test(readFileSync(join(outDirectory, name), "utf8")))).toEqual([]);
    // The engine's sources hold "−" in doc comments that esbuild keeps: now escaped text.
    expect(files.some((name) => readFileSync(join(outDirectory, name), "utf8").includes("`now + (at \\u2212 now)` can round away"))).toBe(true);
  });

  it("every `convsim <command> --help` of the built CLI requires no package at all (no Plot, linkedom, playwright, fastify, highs, bullmq…) and no command's script", () => {
    const loaded: Record<string, string[]> = {};
    for (const entry of COMMANDS) {
      const run = runRecordingPackages([entry.name, "--help"]);
      expect(run.status, run.stderr).toBe(0);
      expect(run.stdout).toMatch(new RegExp(`^convsim ${entry.name}: `));
      loaded[entry.name] = run.packages;
    }
    expect(loaded).toEqual(Object.fromEntries(COMMANDS.map((entry) => [entry.name, []])));
    // The recorder does see a command's script when the command runs.
    expect(runRecordingPackages(["schema"]).packages[0]).toBe("./commands/schemaCommand.cjs");
  }, 300_000);

  it("buildCli lists beside the bundle, per script, the project files it was built from: no tests or packages; the worker's sources where the pool can start", () => {
    const { sources } = JSON.parse(readFileSync(join(outDirectory, BUNDLE_SOURCES_FILE), "utf8")) as { sources: Record<string, string[]> };
    expect(Object.keys(sources).sort()).toEqual([CLI_BUNDLE_FILE, ...COMMANDS.map((entry) => commandScript(entry.name))].sort());
    for (const list of Object.values(sources)) {
      for (const source of ["package.json", "tsconfig.json", "scripts/build/buildCli.ts"]) expect(list).toContain(source);
      expect(list.filter((source) => source.includes("node_modules") || source.endsWith(".test.ts") || source.includes(":"))).toEqual([]);
      expect(list).toEqual([...list].sort());
    }
    expect(sources[CLI_BUNDLE_FILE]).toContain("scripts/cli/main.ts");
    expect(sources[CLI_BUNDLE_FILE]).toContain("scripts/cli/simulateArgs.ts");
    expect(sources[CLI_BUNDLE_FILE]).not.toContain("sim/model/ChatCenter.ts");
    const simulate = sources[commandScript("simulate")];
    for (const source of ["scripts/cli/simulateCommand.ts", "sim/model/ChatCenter.ts", "sim/engine/EventQueue.ts"]) expect(simulate).toContain(source);
    // The live store's server is the store command's, not simulate's.
    expect(sources[commandScript("store")]).toContain("scripts/store/startStore.ts");
    expect(simulate).not.toContain("scripts/store/startStore.ts");
    // compare runs its variants on the pool's threads: the worker bundle's own entry is among its sources.
    expect(sources[commandScript("compare")]).toContain("experiments/parallel/simulationWorker.ts");
    expect(sources[commandScript("schema")].length).toBeLessThan(simulate.length);
  });

  it("staleBundle checks the scripts a run loads: stale when one of their sources is newer than the build or gone, not for another script's or an unlisted file", () => {
    const root = join(folder, "listed");
    mkdirSync(join(root, "sim"), { recursive: true });
    mkdirSync(join(root, "dist"), { recursive: true });
    const directory = join(root, "dist");
    for (const file of ["package.json", "sim/a.ts", "sim/b.ts", "sim/c.ts", "sim/unlisted.ts", "dist/convsim.cjs"]) writeFileSync(join(root, file), "");
    const manifest = {
      bundle: "convsim.cjs",
      hash: "0123456789abcdef",
      sources: {
        "convsim.cjs": ["package.json", "sim/a.ts"],
        "commands/simulateCommand.cjs": ["package.json", "sim/b.ts"],
        "commands/checkCommand.cjs": ["sim/c.ts"],
      },
    };
    writeFileSync(join(directory, BUNDLE_SOURCES_FILE), JSON.stringify(manifest));
    const simulate = ["convsim.cjs", commandScript("simulate")];
    const past = new Date(Date.now() - 60_000);
    const future = new Date(Date.now() + 60_000);
    for (const file of ["package.json", "sim/a.ts", "sim/b.ts", "sim/c.ts", "sim/unlisted.ts"]) utimesSync(join(root, file), past, past);
    expect(staleBundle(root, directory)).toBe(false);
    expect(staleBundle(root, directory, readManifest(directory), simulate)).toBe(false);
    // Not imported by any listed file, so in no script (a listed file edited to import it makes that script stale).
    utimesSync(join(root, "sim/unlisted.ts"), future, future);
    expect(staleBundle(root, directory, readManifest(directory), simulate)).toBe(false);
    // Only the check command's script is built from c.ts: a simulate run does not wait for a rebuild.
    utimesSync(join(root, "sim/c.ts"), future, future);
    expect(staleBundle(root, directory, readManifest(directory), simulate)).toBe(false);
    expect(staleBundle(root, directory, readManifest(directory), ["convsim.cjs", commandScript("check")])).toBe(true);
    utimesSync(join(root, "sim/b.ts"), future, future);
    expect(staleBundle(root, directory, readManifest(directory), simulate)).toBe(true);
    expect(staleBundle(root, directory)).toBe(false); // --help loads the entry only
    // A name no script has (a mistyped command) adds nothing to check.
    expect(staleBundle(root, directory, readManifest(directory), ["convsim.cjs", commandScript("simulat")])).toBe(false);
    utimesSync(join(root, "sim/b.ts"), past, past);
    rmSync(join(root, "sim/a.ts"));
    expect(staleBundle(root, directory)).toBe(true);
  });

  it("staleBundle without a manifest, with one that is not one, or without the entry script: stale (rebuilt before anything runs)", () => {
    const directory = join(folder, "manifests");
    mkdirSync(directory, { recursive: true });
    expect(readManifest(directory)).toBeNull();
    expect(staleBundle(folder, directory)).toBe(true);
    const valid = { bundle: "convsim.cjs", hash: "0123456789abcdef", sources: { "convsim.cjs": ["package.json"] } };
    for (const manifest of [
      { sources: ["package.json"] }, // an older build's list: no entry script or hash
      { ...valid, sources: ["package.json"] },
      { ...valid, hash: "not-hex" },
      { ...valid, bundle: "../../elsewhere.cjs" },
      { ...valid, sources: { "other.cjs": ["package.json"] } }, // nothing listed for the entry
      { ...valid, sources: { "convsim.cjs": [] } },
      { ...valid, sources: { "convsim.cjs": ["package.json"], "commands/xCommand.cjs": [3] } },
    ]) {
      writeFileSync(join(directory, BUNDLE_SOURCES_FILE), JSON.stringify(manifest));
      expect(readManifest(directory), JSON.stringify(manifest)).toBeNull();
    }
    writeFileSync(join(directory, BUNDLE_SOURCES_FILE), "{ not json");
    expect(readManifest(directory)).toBeNull();
    writeFileSync(join(directory, BUNDLE_SOURCES_FILE), JSON.stringify(valid));
    expect(readManifest(directory)).toEqual(valid);
    expect(staleBundle(folder, directory)).toBe(true); // no convsim.cjs
  });
});
