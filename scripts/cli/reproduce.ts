/** Flags that only say where output goes or how it looks: a reproduction leaves them out. */
const OUTPUT_FLAGS_WITH_VALUE = /^--(out|csv|report|seed|out-scenario|events|workers)$/;
const OUTPUT_FLAGS_INLINE = /^--(out|csv|report|seed|out-scenario|events|workers)=/;
const DISPLAY_FLAGS = /^--(no-)?(json|quiet)$/;

/**
 * The command line that reproduces a run: the same inputs and options, without output and display
 * flags, and with the seed that was actually used (resolved from the scenario when not given).
 *
 * @example
 * reproduceCommand("compare", ["base.yaml", "--out", "x.json", "--replications", "8"], 7)
 * // "npm run compare -- base.yaml --replications 8 --seed 7"
 */
export function reproduceCommand(script: string, rawArgs: readonly string[], seed: string | number): string {
  const kept: string[] = [];
  for (let i = 0; i < rawArgs.length; i++) {
    const arg = rawArgs[i];
    if (OUTPUT_FLAGS_WITH_VALUE.test(arg)) i++;
    else if (!OUTPUT_FLAGS_INLINE.test(arg) && !DISPLAY_FLAGS.test(arg)) kept.push(arg);
  }
  return `npm run ${script} -- ${[...kept, "--seed", String(seed)].join(" ")}`;
}
