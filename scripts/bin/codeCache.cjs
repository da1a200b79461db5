// Plain JavaScript (CommonJS): the installed `convsim` runs this before anything is compiled.
"use strict";
const { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } = require("node:fs");
const { createRequire } = require("node:module");
const { dirname, join } = require("node:path");
const { Script } = require("node:vm");

/**
 * The global (a registered symbol) through which the CLI's entry script loads a command's script
 * (scripts/build/buildCli.ts, commandsApart): set by installBundleLoader; absent, it uses `require`.
 */
const BUNDLE_LOADER = "convsim.loadBundle";

/**
 * How the build wraps each script (scripts/build/buildCli.ts): the function Node wraps a CommonJS
 * module in, written into the file so that compiling it needs no second copy of the text (joining
 * wrapper and text would copy about 2 MB, and every fresh page costs a fault).
 */
const MODULE_WRAPPER = ["(function (exports, require, module, __filename, __dirname) {", "\n})"];

/**
 * Compiles a built script's text (a module function, MODULE_WRAPPER around a CommonJS module) with
 * the code cache in `cacheFile` when there is one. V8 checks a cache only against the text's
 * length and its own version and flags, so `cacheFile` must be named by the text's content (the
 * bin names it by the build's hash): a cache from other text would run the wrong code.
 * Returns the script and what became of the cache: "accepted", "rejected" (another V8 or other
 * flags: the text was compiled as if there were none) or "missing".
 */
function compileWithCodeCache(text, filename, cacheFile) {
  let cachedData;
  try {
    cachedData = readFileSync(cacheFile);
  } catch {
    cachedData = undefined;
  }
  const script = new Script(text, { filename, cachedData });
  const cache = cachedData === undefined ? "missing" : script.cachedDataRejected ? "rejected" : "accepted";
  return { script, cache };
}

/**
 * Writes the script's code cache to `cacheFile`: every function compiled so far, so written after a
 * run it holds that run's code as well as the top level. Written beside and renamed in (two
 * processes never leave half a file); any failure (a read-only install) only means no cache next time.
 */
function saveCodeCache(script, cacheFile) {
  const partial = `${cacheFile}.${process.pid}.partial`;
  try {
    mkdirSync(dirname(cacheFile), { recursive: true });
    writeFileSync(partial, script.createCachedData());
    renameSync(partial, cacheFile);
  } catch {
    try {
      rmSync(partial, { force: true });
    } catch {
      // nothing was written, or it cannot be removed either: a stray `.partial` is never read
    }
  }
}

/**
 * Runs a built script as `require` runs a CommonJS module (its own `require`, `module`, `__filename`)
 * and returns its exports. Compiled with its code cache; without one accepted, the cache is written when
 * the process ends successfully, so it holds the code that run used (a failed run may stop early).
 */
function runWithCodeCache(file, cacheFile) {
  // The build writes its scripts as ASCII only (buildCli's asciiOnly): Latin-1 reads them exactly, and faster than UTF-8.
  const { script, cache } = compileWithCodeCache(readFileSync(file, "latin1"), file, cacheFile);
  if (cache !== "accepted") {
    process.once("exit", (code) => {
      if (code === 0) saveCodeCache(script, cacheFile);
    });
  }
  const module = { exports: {} };
  script.runInThisContext()(module.exports, createRequire(file), module, file, dirname(file));
  return module.exports;
}

/**
 * Makes BUNDLE_LOADER load the scripts under `directory` with code caches in `cacheDirectory`, one
 * per script, named by the build's `hash` and by the process's Node flags (V8 rejects a cache made
 * under other flags, so `node x` and `node --flag x` would otherwise overwrite each other's), and returns it.
 */
function installBundleLoader(directory, cacheDirectory, hash) {
  const flags = process.execArgv.length === 0 ? "" : `-${fnv1a(process.execArgv.join(" "))}`;
  const load = (relativePath) =>
    runWithCodeCache(join(directory, relativePath), join(cacheDirectory, `${hash}${flags}-${relativePath.replace(/^\.\//, "").replace(/[^\w.-]/g, "_")}.bin`));
  globalThis[Symbol.for(BUNDLE_LOADER)] = load;
  return load;
}

/** FNV-1a (32 bits, hex) of a short text: a name, not a safeguard (node:crypto would cost the start its load). */
function fnv1a(text) {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return (hash >>> 0).toString(16).padStart(8, "0");
}

module.exports = { BUNDLE_LOADER, MODULE_WRAPPER, compileWithCodeCache, installBundleLoader, saveCodeCache };
