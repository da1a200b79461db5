#!/usr/bin/env node
// The installed `convsim` command. Runs the prebuilt CLI (dist/cli, plain ES modules: no TypeScript
// compiled at start-up, each command's code loaded only when it runs). When the build is missing or
// older than a source file, it is rebuilt first (about a second, once after each edit); if it cannot
// be built (no write access), the TypeScript sources run through tsx instead, slower to start, the
// same code.
import { fileURLToPath } from "node:url";
import { staleBundle } from "./staleBundle.mjs";

const root = fileURLToPath(new URL("../..", import.meta.url));
const bundle = new URL("../../dist/cli/main.mjs", import.meta.url);

let built = true;
if (staleBundle(root, fileURLToPath(bundle))) {
  const { register } = await import("tsx/esm/api");
  register();
  try {
    const { buildCli } = await import("../build/buildCli.ts");
    await buildCli();
  } catch (error) {
    process.stderr.write(`note: could not build the CLI bundle (${error instanceof Error ? error.message : error}); running from source\n`);
    built = false;
  }
}
await import(built ? bundle.href : "../cli/main.ts");
