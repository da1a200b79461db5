// `npm run validate [-- --seed N --replications N --json FILE]`: the desk's statistical validation
// table, the simulated desk against exact queueing values. Exit 0 when every figure is as expected,
// 1 when not, 2 on a bad flag, so CI can run it as a check.
import { endQuietlyOnBrokenPipe } from "../cli/endQuietlyOnBrokenPipe.ts";
import { validateCommand } from "./validateCommand.ts";

endQuietlyOnBrokenPipe();

process.exitCode = validateCommand(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
});
