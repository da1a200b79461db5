#!/usr/bin/env node
// The installed `convsim` command. Runs the prebuilt CLI, dist/cli: plain CommonJS scripts (no
// TypeScript compiled at start-up; the dispatcher, and each command's script when it runs), each
// compiled with a V8 code cache, so after a command's first run its code is not compiled again.
// When the build is missing or older than a source file it is rebuilt first (about a second, once
// after each edit); if it cannot be built (no write access), the TypeScript sources run through tsx
// instead, slower to start, the same code.
// CommonJS rather than an ES module: Node's ES module loader costs a start about 20 ms more.
"use strict";
const { join } = require("node:path");
const { installBundleLoader } = require("./codeCache.cjs");
const { readManifest, staleBundle } = require("./staleBundle.cjs");

const ROOT = join(__dirname, "..", "..");
const DIRECTORY = join(ROOT, "dist", "cli");
/** V8's compiled code of each script the CLI ran, named by the build's hash (scripts/bin/codeCache.cjs). */
const CACHE_DIRECTORY = join(DIRECTORY, "code-cache");

void start();

async function start() {
  let manifest = readManifest(DIRECTORY);
  if (staleBundle(ROOT, DIRECTORY, manifest)) {
    const { register } = await import("tsx/esm/api");
    register();
    try {
      const { buildCli } = await import("../build/buildCli.ts");
      await buildCli();
      manifest = readManifest(DIRECTORY);
    } catch (error) {
      process.stderr.write(`note: could not build the CLI bundle (${error instanceof Error ? error.message : error}); running from source\n`);
      manifest = null;
    }
    if (manifest === null) {
      await import("../cli/main.ts");
      return;
    }
  }
  installBundleLoader(DIRECTORY, CACHE_DIRECTORY, manifest.hash)(manifest.bundle);
}
