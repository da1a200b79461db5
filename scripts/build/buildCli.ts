import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { basename, dirname, join, relative } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { type BuildOptions, build, type Metafile, type Plugin } from "esbuild";
import { workerBuildOptions } from "../../experiments/parallel/workerModule.ts";
import { BUNDLE_LOADER, MODULE_WRAPPER } from "../bin/codeCache.cjs";
import { BUNDLE_SOURCES_FILE } from "../bin/staleBundle.cjs";

/** The project's root folder. */
const ROOT = fileURLToPath(new URL("../..", import.meta.url));
/** Where the prebuilt CLI goes (ignored by git; `npm ci` builds it through `prepare`). */
export const CLI_BUNDLE_DIRECTORY = join(ROOT, "dist", "cli");
/** The pool threads' module, built beside the CLI from the same sources. */
export const WORKER_BUNDLE_FILE = join(CLI_BUNDLE_DIRECTORY, "simulation-worker.mjs");

/**
 * A few modules find files beside their source (`new URL("./profiles/x.yaml", import.meta.url)`):
 * in a bundle `import.meta.url` would be the bundle's chunk. This plugin writes each such URL as the
 * source file's own URL, so those lookups still land in the source tree, exactly as run from source.
 */
const sourceUrls: Plugin = {
  name: "source-urls",
  setup(builder) {
    builder.onLoad({ filter: /\.ts$/ }, (args) => {
      if (args.path.includes("node_modules")) return undefined;
      const text = readFileSync(args.path, "utf8");
      if (!text.includes("import.meta.url")) return { contents: text, loader: "ts" };
      const sourceUrl = JSON.stringify(pathToFileURL(args.path).href);
      return { contents: text.replace(/new URL\(([^()]*), import\.meta\.url\)/g, `new URL($1, ${sourceUrl})`), loader: "ts" };
    });
  },
};

/**
 * Packages copied into the CLI's chunks instead of imported from node_modules: pure in-process code
 * that a simulate run needs (scenario schema and YAML, seeded streams, statistics, the argument
 * parser). Imported from node_modules, Node resolves, reads and (for CommonJS, which most of
 * `@stdlib` is) lexes each of their hundreds of files on every start: about 0.3 s of CPU before a
 * simulate run's first event. Everything else stays external: packages that find files beside
 * their own (bullmq's Lua scripts, piscina's and esbuild's workers, playwright-core) or that only
 * load for one command (fastify, linkedom, Plot).
 */
export const BUNDLED_PACKAGES = /^(zod|yaml|seedrandom|simple-statistics|citty|@stdlib\/[^/]+)(\/|$)/;

/** Keeps every bare import external except BUNDLED_PACKAGES (esbuild's `packages: "external"` with exceptions). */
const externalPackages: Plugin = {
  name: "external-packages",
  setup(builder) {
    builder.onResolve({ filter: /^[^./]/ }, (args) => {
      if (args.path.startsWith("node:") || BUNDLED_PACKAGES.test(args.path)) return undefined;
      return { path: args.path, external: true };
    });
  },
};

/**
 * Zod's `z.locales` namespace re-exports its error messages in about fifty languages (370 kB, a fifth
 * of what a `simulate` run loads). The CLI writes its own house-format messages and never switches
 * zod's locale (nothing calls `z.config`), so the bundle keeps English only: the locale zod installs
 * by default (its schemas import `locales/en.js` themselves). `z.locales.en` stays; any other is absent.
 */
const ZOD_LOCALES = "zod-english-locales";
const englishZodLocales: Plugin = {
  name: "english-zod-locales",
  setup(builder) {
    builder.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) =>
      /[\\/]node_modules[\\/]zod[\\/]/.test(args.importer) ? { path: join(dirname(args.importer), "../locales/en.js"), namespace: ZOD_LOCALES } : undefined,
    );
    builder.onLoad({ filter: /.*/, namespace: ZOD_LOCALES }, (args) => ({
      contents: `export { default as en } from ${JSON.stringify(args.path)};`,
      resolveDir: dirname(args.path),
      loader: "js",
    }));
  },
};

/** The CLI's entry script in CLI_BUNDLE_DIRECTORY (the dispatcher), run by the bin (scripts/bin/convsim.cjs). */
export const CLI_BUNDLE_FILE = "convsim.cjs";
/** Where each command's own script goes, inside CLI_BUNDLE_DIRECTORY. */
const COMMANDS_FOLDER = "commands";

/**
 * Builds the `convsim` CLI as plain CommonJS modules in dist/cli, each written as its module function
 * (codeCache's MODULE_WRAPPER) for the bin to compile with a V8 code cache (scripts/bin/codeCache.cjs): Node 20 keeps no code cache for ES modules, and
 * compiling the simulator, zod and the scenario schema from text was about a tenth of an Erlang A
 * run end to end. `convsim.cjs` holds the dispatcher, the command table and the flag tables (all
 * `--help` needs); each command is a script of its own, `commands/<name>Command.cjs`, with
 * everything it needs but node_modules' packages, loaded only when that command runs (see
 * commandsApart). Packages stay in node_modules except BUNDLED_PACKAGES, and are `require`d where
 * their importer runs: a module reached through a dynamic import runs (and loads its packages) when
 * that import does. The pool threads' worker bundle is written beside them. Everything is written in
 * a staging folder renamed in whole, so a process starting mid-build runs the old build or the new,
 * and the old build's code caches leave with it.
 */
export async function buildCli(outDirectory = CLI_BUNDLE_DIRECTORY): Promise<void> {
  const staging = `${outDirectory}.${process.pid}.partial`;
  rmSync(staging, { recursive: true, force: true });
  const commandSources = new Map<string, string>();
  const common = commonOptions(join(outDirectory, "simulation-worker.mjs"));
  const cli = await build({
    ...common,
    entryPoints: [join(ROOT, "scripts/cli/main.ts")],
    outfile: join(staging, CLI_BUNDLE_FILE),
    plugins: [commandsApart(commandSources), ...common.plugins],
  });
  const commands = await build({
    ...common,
    entryPoints: Object.fromEntries(commandSources),
    outdir: join(staging, COMMANDS_FOLDER),
    outExtension: { ".js": ".cjs" },
  });
  const worker = await build({ ...workerBuildOptions(), outfile: join(staging, "simulation-worker.mjs"), metafile: true });
  const built = readdirSync(staging, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile());
  const hash = createHash("sha256");
  for (const file of built.map((entry) => join(entry.parentPath, entry.name)).sort()) {
    asciiOnly(file);
    hash.update(`${relative(staging, file)}\n`).update(readFileSync(file));
  }
  const manifest: BundleManifest = {
    bundle: CLI_BUNDLE_FILE,
    hash: hash.digest("hex").slice(0, 16),
    sources: scriptSources(staging, [cli.metafile, commands.metafile], worker.metafile),
  };
  writeFileSync(join(staging, BUNDLE_SOURCES_FILE), `${JSON.stringify(manifest, null, 1)}\n`);
  mkdirSync(dirname(outDirectory), { recursive: true });
  rmSync(`${outDirectory}.old`, { recursive: true, force: true });
  try {
    renameSync(outDirectory, `${outDirectory}.old`);
  } catch {
    // no previous build
  }
  renameSync(staging, outDirectory);
  rmSync(`${outDirectory}.old`, { recursive: true, force: true });
}

/** The name `import.meta.url` is replaced by in the CommonJS scripts (defined by their banner). */
const IMPORT_META_URL = "__convsimImportMetaUrl";

/** esbuild's options shared by the entry script and the commands' scripts. */
function commonOptions(workerFile: string) {
  return {
    bundle: true,
    format: "cjs",
    platform: "node",
    target: "node20",
    define: { __CONVSIM_WORKER_BUNDLE__: JSON.stringify(workerFile), "import.meta.url": IMPORT_META_URL },
    plugins: [externalPackages, sourceUrls, englishZodLocales],
    // Each script is a module function, compiled by the bin's loader (scripts/bin/codeCache.cjs), not by `require`.
    // `import.meta.url` has no meaning in a CommonJS module: the few modules that ask (createRequire) get the script's own URL.
    banner: { js: `${MODULE_WRAPPER[0]}var ${IMPORT_META_URL} = require("node:url").pathToFileURL(__filename).href;` },
    footer: { js: MODULE_WRAPPER[1] },
    legalComments: "none",
    logLevel: "warning",
    // Input paths (the metafile's, the scripts' comments) relative to the project, as the worker's are.
    absWorkingDir: ROOT,
    metafile: true,
  } satisfies BuildOptions;
}

/** What the command table imports a command's module as (`import("./simulateCommand.ts")`). */
const COMMAND_MODULE = /^\.\/(\w+Command)\.ts$/;
const COMMAND_NAMESPACE = "convsim-command";

/**
 * Keeps each command's module out of the entry script: the command table's `import("./xCommand.ts")`
 * becomes a small module that loads `commands/xCommand.cjs` through the bin's loader (it compiles the
 * script with its code cache). Records each command module's source in `commandSources` (name →
 * file), the entry points of the commands' build.
 */
function commandsApart(commandSources: Map<string, string>): Plugin {
  return {
    name: "commands-apart",
    setup(builder) {
      builder.onResolve({ filter: COMMAND_MODULE }, (args) => {
        if (basename(args.importer) !== "commandTable.ts") return undefined;
        const name = (COMMAND_MODULE.exec(args.path) as RegExpExecArray)[1];
        commandSources.set(name, join(args.resolveDir, `${name}.ts`));
        return { path: name, namespace: COMMAND_NAMESPACE };
      });
      builder.onLoad({ filter: /.*/, namespace: COMMAND_NAMESPACE }, (args) => {
        const script = JSON.stringify(`./${COMMANDS_FOLDER}/${args.path}.cjs`);
        return {
          contents: `module.exports = globalThis[Symbol.for(${JSON.stringify(BUNDLE_LOADER)})](${script});`,
          loader: "js",
        };
      });
    },
  };
}

/**
 * What the build writes beside the bundle (BUNDLE_SOURCES_FILE), read by the bin before it runs
 * anything: the entry script, the hash of everything built (code caches are named by it, so a cache
 * made from another build is never offered to V8, which checks only a text's length) and, per
 * script, the project files it was built from, for the staleness check (scriptSources).
 */
interface BundleManifest {
  bundle: string;
  hash: string;
  sources: Record<string, string[]>;
}

/** What decides how every script is built: the packages' versions, esbuild's settings and the build's own code. */
const BUILD_SOURCES = ["package.json", "tsconfig.json", "scripts/build/buildCli.ts", "experiments/parallel/workerModule.ts"];

/**
 * What each script was made from, for the bin's staleness check (scripts/bin/staleBundle.cjs): per
 * script (path relative to the build folder), the project files esbuild read for it (tests and
 * node_modules never among them), BUILD_SOURCES, and for a script that can start the pool threads
 * (it holds workerModule.ts) the worker bundle's sources too. Paths relative to the project root,
 * sorted. So a run checks only what its own scripts were built from (`--help` about sixty files,
 * `simulate` about three hundred of five hundred).
 */
function scriptSources(staging: string, metafiles: readonly Metafile[], worker: Metafile): Record<string, string[]> {
  const workerSources = projectFiles(Object.keys(worker.inputs));
  const sources: Record<string, string[]> = {};
  for (const metafile of metafiles) {
    for (const [output, { inputs }] of Object.entries(metafile.outputs)) {
      const own = projectFiles(Object.keys(inputs));
      const all = new Set([...BUILD_SOURCES, ...own, ...(own.includes("experiments/parallel/workerModule.ts") ? workerSources : [])]);
      sources[relative(staging, join(ROOT, output)).split("\\").join("/")] = [...all].sort();
    }
  }
  return sources;
}

/** The project's own files among esbuild inputs: no plugin namespaces ("zod-english-locales:...") and no packages. */
function projectFiles(inputs: readonly string[]): string[] {
  return inputs.filter((input) => !/^[a-z-]+:/.test(input) && !input.split(/[\\/]/).includes("node_modules")).map((input) => input.split("\\").join("/"));
}

/**
 * Rewrites a built file's non-ASCII characters as `\uXXXX` text. esbuild already escapes them in
 * strings, templates, regular expressions and names (its default ASCII charset), so any left sit in
 * the doc comments it keeps ("−", "×", "≤"), where the rewrite changes nothing that runs. One such
 * character makes V8 hold and scan the whole module as two-byte text (the simulator's chunk, zod's).
 */
function asciiOnly(file: string): void {
  const text = readFileSync(file, "utf8");
  const ascii = text.replace(NON_ASCII, (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, "0")}`);
  if (ascii !== text) writeFileSync(file, ascii);
}
const NON_ASCII = /[\u0080-\uffff]/g;
