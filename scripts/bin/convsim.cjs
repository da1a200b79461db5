#!/usr/bin/env -S node --max-semi-space-size=2
// The installed `convsim` command. Runs the prebuilt CLI, dist/cli: plain CommonJS scripts (no
// TypeScript compiled at start-up; the dispatcher, and each command's script when it runs), each
// compiled with a V8 code cache, so after a command's first run its code is not compiled again.
// When the build is missing or older than a source file it is rebuilt first (about a second, once
// after each edit); if it cannot be built (no write access), the TypeScript sources run through tsx
// instead, slower to start, the same code.
// CommonJS rather than an ES module: Node's ES module loader costs a start about 20 ms more.
// `--max-semi-space-size=2` (the npm scripts pass it too): V8's young generation grows to 16 MB
// semi-spaces by default, and every page it touches for the first time is a page fault; on the
// 2-core VMs this project runs on a first touch costs about 20 µs, so the larger young generation
// cost more in faults than its fewer scavenges saved (the simulator's events die young): an Erlang A
// run of 200,000 chats 9% and a 7-day store run a third faster, with 20–25% fewer page faults.
"use strict";
const { join } = require("node:path");
const { installBundleLoader } = require("./codeCache.cjs");
const { commandScript, readManifest, staleBundle } = require("./staleBundle.cjs");

const ROOT = join(__dirname, "..", "..");
const DIRECTORY = join(ROOT, "dist", "cli");
/** V8's compiled code of each script the CLI ran, named by the build's hash (scripts/bin/codeCache.cjs). */
const CACHE_DIRECTORY = join(DIRECTORY, "code-cache");

void start();

async function start() {
  let manifest = readManifest(DIRECTORY);
  // The entry script and, when the first argument names a command, that command's script: what this run can load.
  const command = process.argv[2];
  const scripts =
    manifest === null ? [] : [manifest.bundle, ...(typeof command === "string" && /^[a-z][a-z-]*$/.test(command) ? [commandScript(command)] : [])];
  if (staleBundle(ROOT, DIRECTORY, manifest, scripts)) {
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
