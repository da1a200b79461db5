import { numberOption } from "./options.ts";

/** The --warmup flag's help text (every run command has it). */
export const WARMUP_DESCRIPTION = "seconds at the start of the horizon left out of the chat figures (overrides horizon.warmupSeconds)";

/** Parses --warmup: seconds, >= 0 (the scenario loader checks it against the horizon). */
export function warmupOption(value: unknown): number | undefined {
  return numberOption(value, "--warmup", 0, 3650 * 86400);
}
