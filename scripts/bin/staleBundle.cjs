// Plain JavaScript (CommonJS): the installed `convsim` runs this before anything is compiled.
"use strict";
const { readFileSync, statSync } = require("node:fs");
const { join } = require("node:path");

/** Written beside the bundle by the build (scripts/build/buildCli.ts): `{ bundle, hash, sources }`. */
const BUNDLE_SOURCES_FILE = "sources.json";

/**
 * The manifest the build wrote in `directory`: the entry script's file name, the hash of everything
 * built and, per script (paths relative to `directory`), the project files it was built from. Null
 * when there is none or it is not one (a build from an older version, a half-copied folder): the
 * bundle is then stale.
 */
function readManifest(directory) {
  let parsed;
  try {
    parsed = JSON.parse(readFileSync(join(directory, BUNDLE_SOURCES_FILE), "utf8"));
  } catch {
    return null;
  }
  if (typeof parsed?.bundle !== "string" || !/^[a-z][a-z0-9.-]*$/.test(parsed.bundle)) return null;
  if (typeof parsed.hash !== "string" || !/^[0-9a-f]{16}$/.test(parsed.hash)) return null;
  const sources = parsed.sources;
  if (typeof sources !== "object" || sources === null || Array.isArray(sources) || !Array.isArray(sources[parsed.bundle])) return null;
  const strings = (value) => Array.isArray(value) && value.length > 0 && value.every((item) => typeof item === "string");
  return Object.values(sources).every(strings) ? parsed : null;
}

/** The script the build makes of a command's module: `export-funnel` → `commands/exportFunnelCommand.cjs` (buildCli's commandsApart). */
function commandScript(command) {
  return `commands/${command.replace(/-(\w)/g, (_, letter) => letter.toUpperCase())}Command.cjs`;
}

/**
 * Whether the prebuilt CLI in `directory` must be rebuilt before `scripts` run (the entry script and,
 * for a command, its own; a name the manifest does not list, such as a mistyped command's, adds
 * nothing): no manifest, no entry script, or a source of one of those scripts newer than the build or
 * gone, so an edit is never answered by yesterday's code. Each script's list holds the project files
 * esbuild read for it plus package.json, tsconfig.json and the build's own code, so only those are
 * statted and no folder is walked. A file no listed file imports cannot change the script until a
 * listed one is edited to import it, and that edit makes it stale. Reads no source.
 */
function staleBundle(root, directory, manifest = readManifest(directory), scripts = manifest === null ? [] : [manifest.bundle]) {
  if (manifest === null) return true;
  let builtMs;
  try {
    builtMs = statSync(join(directory, manifest.bundle)).mtimeMs;
  } catch {
    return true;
  }
  const checked = new Set();
  for (const script of scripts) {
    for (const source of manifest.sources[script] ?? []) {
      if (checked.has(source)) continue;
      checked.add(source);
      const stats = statSync(join(root, source), { throwIfNoEntry: false });
      if (stats === undefined || stats.mtimeMs > builtMs) return true;
    }
  }
  return false;
}

module.exports = { BUNDLE_SOURCES_FILE, commandScript, readManifest, staleBundle };
