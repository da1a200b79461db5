import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { build, type Metafile, type Plugin } from "esbuild";
import { workerBuildOptions } from "../../experiments/parallel/workerModule.ts";
import { BUNDLE_SOURCES_FILE } from "../bin/staleBundle.mjs";

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

/**
 * Builds the `convsim` CLI as plain ES modules in dist/cli: the entry holds only the dispatcher and
 * the command table, each command is its own chunk loaded when that command runs (esbuild code
 * splitting of the table's dynamic imports), packages stay in node_modules (imported, not copied),
 * and the pool threads' worker bundle is written beside it. Each file is written beside its place
 * and renamed in, and the entry last, so a process starting mid-build runs the old build or the new.
 */
export async function buildCli(outDirectory = CLI_BUNDLE_DIRECTORY): Promise<void> {
  const staging = `${outDirectory}.${process.pid}.partial`;
  rmSync(staging, { recursive: true, force: true });
  const workerFile = join(outDirectory, "simulation-worker.mjs");
  const cli = await build({
    entryPoints: { main: join(ROOT, "scripts/cli/main.ts") },
    outdir: staging,
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "node",
    target: "node20",
    outExtension: { ".js": ".mjs" },
    chunkNames: "[name]-[hash]",
    define: { __CONVSIM_WORKER_BUNDLE__: JSON.stringify(workerFile) },
    plugins: [externalPackages, sourceUrls, englishZodLocales],
    // Bundled CommonJS packages (seedrandom, @stdlib) call `require` for Node's built-ins; an ES module has none of its own.
    banner: { js: 'import { createRequire as __convsimRequire } from "node:module"; const require = __convsimRequire(import.meta.url);' },
    legalComments: "none",
    logLevel: "warning",
    // Input paths (the metafile's, the chunks' comments) relative to the project, as the worker's are.
    absWorkingDir: ROOT,
    metafile: true,
  });
  const worker = await build({ ...workerBuildOptions(), outfile: join(staging, "simulation-worker.mjs"), metafile: true });
  for (const name of readdirSync(staging)) asciiOnly(join(staging, name));
  writeFileSync(join(staging, BUNDLE_SOURCES_FILE), `${JSON.stringify({ sources: bundleSources([cli.metafile, worker.metafile]) }, null, 1)}\n`);
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

/**
 * What the build was made from, for the bin's staleness check (scripts/bin/staleBundle.mjs): the
 * project files esbuild read for the CLI and the worker (tests and node_modules never among them),
 * and what decides how they are built: package.json (the packages' versions), tsconfig.json (read by
 * esbuild) and the build's own code. Paths relative to the project root, sorted.
 */
function bundleSources(metafiles: readonly Metafile[]): string[] {
  const sources = new Set(["package.json", "tsconfig.json", "scripts/build/buildCli.ts", "experiments/parallel/workerModule.ts"]);
  for (const metafile of metafiles) {
    for (const input of Object.keys(metafile.inputs)) {
      // Plugin namespaces ("zod-english-locales:...") and packages are not project sources.
      if (/^[a-z-]+:/.test(input) || input.split(/[\\/]/).includes("node_modules")) continue;
      sources.add(input.split("\\").join("/"));
    }
  }
  return [...sources].sort();
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

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await buildCli();
