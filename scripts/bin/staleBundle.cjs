// Plain JavaScript (CommonJS): the installed `convsim` runs this before anything is compiled.
"use strict";
const { readFileSync, statSync } = require("node:fs");
const { join } = require("node:path");

/** Written beside the bundle by the build (scripts/build/buildCli.ts): `{ bundle, hash, sources }`. */
const BUNDLE_SOURCES_FILE = "sources.json";

/**
 * The manifest the build wrote in `directory`: the entry script's file name, the hash of everything
 * built and the project files the build read (relative paths). Null when there is none or
 * it is not one (a build from an older version, a half-copied folder): the bundle is then stale.
 */
function readManifest(directory) {
  let parsed;
  try {
    parsed = JSON.parse(readFileSync(join(directory, BUNDLE_SOURCES_FILE), "utf8"));
  } catch {
    return null;
  }
  const strings = (value) => Array.isArray(value) && value.length > 0 && value.every((item) => typeof item === "string");
  if (typeof parsed?.bundle !== "string" || !/^[a-z][a-z0-9.-]*$/.test(parsed.bundle)) return null;
  if (typeof parsed.hash !== "string" || !/^[0-9a-f]{16}$/.test(parsed.hash)) return null;
  return strings(parsed.sources) ? parsed : null;
}

/**
 * Whether the prebuilt CLI in `directory` must be rebuilt before it runs: no manifest, no bundle, or
 * a listed source newer than the bundle or gone, so an edit is never answered by yesterday's code.
 * The list holds every project file esbuild read, plus package.json, tsconfig.json and the build's
 * own code, so only those are statted (≈ 500 files, ≈ 10 ms) and no folder is walked. A file no
 * listed file imports cannot change the bundle until a listed one is edited to import it, and that
 * edit makes the bundle stale. Reads no source.
 */
function staleBundle(root, directory, manifest = readManifest(directory)) {
  if (manifest === null) return true;
  let builtMs;
  try {
    builtMs = statSync(join(directory, manifest.bundle)).mtimeMs;
  } catch {
    return true;
  }
  for (const source of manifest.sources) {
    const stats = statSync(join(root, source), { throwIfNoEntry: false });
    if (stats === undefined || stats.mtimeMs > builtMs) return true;
  }
  return false;
}

module.exports = { BUNDLE_SOURCES_FILE, readManifest, staleBundle };
