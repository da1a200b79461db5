// The `convsim` entry point. Kept to what `--help` needs: the dispatcher and the command table;
// each command's module (and the simulator, Plot, fastify, playwright-core) loads only when it runs.
import { VERSION } from "../../experiments/run/version.ts";
import { endQuietlyOnBrokenPipe } from "./endQuietlyOnBrokenPipe.ts";
import { runCli } from "./runCli.ts";

endQuietlyOnBrokenPipe();
// No top-level await: the bin runs this as one CommonJS script (scripts/build/buildCli.ts).
void runCli(process.argv.slice(2), VERSION).then((code) => {
  process.exitCode = code;
});
