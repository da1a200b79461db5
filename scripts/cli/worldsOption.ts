// The --worlds flag's definition, apart from the decision run it starts: loaded with every command
// that has the flag, while the run (worker pool, queue client) loads only when the flag is given.
import { MAX_WORLDS } from "../../experiments/worlds/maxWorlds.ts";
import { integerOption } from "./options.ts";

/** The `--worlds` flag of simulate, compare and staff. */
export const WORLDS_ARG = {
  worlds: {
    type: "string",
    description: `decide under parameter uncertainty: N draws (2-${MAX_WORLDS}) of the scenario's {uncertain: ...} numbers, every variant run in each`,
  },
  sensitivity: {
    type: "string",
    description: "with --worlds: rank (default, Spearman rank correlations) or sobol (first-order Sobol indices; runs N × (parameters + 2) worlds)",
  },
} as const;

/** `--worlds N`, checked (house format), or undefined when absent. */
export function worldsOption(value: unknown): number | undefined {
  return integerOption(value, "--worlds", 2, MAX_WORLDS);
}
