import type { ArgsDef } from "citty";
import { closestName } from "./closestName.ts";
import { kebab } from "./kebab.ts";
import { UsageError } from "./UsageError.ts";

/**
 * Rejects flags the command does not define (citty ignores them, which hides typos such as
 * `--sed 3`), naming the flag it most likely meant. Flags are kebab-case as the README and help
 * spell them (`--fail-fast`); accepts `--name=value`, aliases and `--no-name` for booleans.
 */
export function rejectUnknownOptions(rawArgs: readonly string[], definition: ArgsDef): void {
  const known = new Set<string>(["help", "h"]);
  for (const [name, arg] of Object.entries(definition)) {
    if (arg.type === "positional") continue;
    known.add(kebab(name));
    const aliases = "alias" in arg && arg.alias !== undefined ? (Array.isArray(arg.alias) ? arg.alias : [arg.alias]) : [];
    aliases.forEach((alias) => known.add(alias));
    if (arg.type === "boolean") known.add(`no-${kebab(name)}`);
  }
  const problems: string[] = [];
  for (const raw of rawArgs) {
    if (raw === "--") break;
    if (!raw.startsWith("-") || raw === "-" || /^-\d/.test(raw)) continue;
    const name = raw.replace(/^--?/, "").split("=")[0];
    if (known.has(name)) continue;
    const flag = raw.split("=")[0];
    const suggestion = closestName(kebab(name), [...known].filter((candidate) => candidate.length > 1));
    const allowed = Object.entries(definition)
      .filter(([, arg]) => arg.type !== "positional")
      .map(([option]) => `--${kebab(option)}`)
      .join(", ");
    problems.push(`invalid option ${flag}: unknown option (${suggestion === undefined ? `allowed: ${allowed}` : `did you mean --${suggestion}?`})`);
  }
  if (problems.length > 0) throw new UsageError(problems);
}

/** A whole number from an option, or undefined when absent. */
export function integerOption(value: unknown, flag: string, minimum: number, maximum = Number.MAX_SAFE_INTEGER): number | undefined {
  if (value === undefined || value === "") return undefined;
  const number = typeof value === "number" ? value : Number(value);
  if (typeof value === "boolean" || !Number.isInteger(number) || number < minimum || number > maximum) {
    throw new UsageError(`invalid ${flag}: ${JSON.stringify(value)} (must be an integer from ${minimum}${maximum < Number.MAX_SAFE_INTEGER ? ` to ${maximum}` : " up"})`);
  }
  return number;
}

/** A number from an option, or undefined when absent. */
export function numberOption(value: unknown, flag: string, minimum: number, maximum: number): number | undefined {
  if (value === undefined || value === "") return undefined;
  const number = Number(value);
  if (typeof value === "boolean" || !Number.isFinite(number) || number < minimum || number > maximum) {
    throw new UsageError(`invalid ${flag}: ${JSON.stringify(value)} (must be a number from ${minimum} to ${maximum})`);
  }
  return number;
}

/** A seed: an integer, or any non-empty text. */
export function seedOption(value: unknown): string | number | undefined {
  if (value === undefined || value === "") return undefined;
  if (typeof value === "boolean") throw new UsageError("invalid --seed: missing value (must be an integer or a word)");
  const text = String(value);
  return /^-?\d+$/.test(text) && Number.isSafeInteger(Number(text)) ? Number(text) : text;
}

/** `--min-effect`: the smallest relative change worth acting on, in (0, 1], or undefined for the report's default. */
export function minEffectOption(value: unknown): number | undefined {
  return numberOption(value, "--min-effect", 0.0001, 1);
}
