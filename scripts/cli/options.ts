import type { ArgsDef } from "citty";
import { DEFAULT_MAX_SESSIONS } from "../../experiments/scenario/workLimit.ts";
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
    aliases.forEach((alias) => {
      known.add(alias);
    });
    if (arg.type === "boolean") known.add(`no-${kebab(name)}`);
  }
  const problems: string[] = [];
  for (const raw of rawArgs) {
    if (raw === "--") break;
    if (!raw.startsWith("-") || raw === "-" || /^-\d/.test(raw)) continue;
    const name = raw.replace(/^--?/, "").split("=")[0];
    if (known.has(name)) continue;
    const flag = raw.split("=")[0];
    const suggestion = closestName(
      kebab(name),
      [...known].filter((candidate) => candidate.length > 1),
    );
    const allowed = Object.entries(definition)
      .filter(([, arg]) => arg.type !== "positional")
      .map(([option]) => `--${kebab(option)}`)
      .join(", ");
    problems.push(`invalid option ${flag}: unknown option (${suggestion === undefined ? `allowed: ${allowed}` : `did you mean --${suggestion}?`})`);
  }
  if (problems.length > 0) throw new UsageError(problems);
  rejectMissingValues(rawArgs, definition);
}

/**
 * Rejects a flag that takes a value but was given none: `--seed` at the end, `--seed=`, or `--seed
 * --days 3` (citty would read "--days" as the seed, or "" and use the default without a word).
 */
export function rejectMissingValues(rawArgs: readonly string[], definition: ArgsDef): void {
  const takesValue = new Set<string>();
  for (const [name, arg] of Object.entries(definition)) {
    if (arg.type !== "string" && arg.type !== "enum") continue;
    const aliases = "alias" in arg && arg.alias !== undefined ? (Array.isArray(arg.alias) ? arg.alias : [arg.alias]) : [];
    for (const spelling of [name, kebab(name), ...aliases]) takesValue.add(spelling);
  }
  const missing: string[] = [];
  for (let index = 0; index < rawArgs.length; index++) {
    const raw = rawArgs[index];
    if (raw === "--") break;
    if (!raw.startsWith("-") || /^-\d/.test(raw)) continue;
    const [name, ...value] = raw.replace(/^--?/, "").split("=");
    if (!takesValue.has(name)) continue;
    if (value.length > 0) {
      if (value.join("=") === "") missing.push(raw);
      continue;
    }
    const next = rawArgs[index + 1];
    if (next === undefined || (next.startsWith("-") && next !== "-" && !/^-[\d.]/.test(next))) missing.push(raw);
    else index++;
  }
  if (missing.length > 0)
    throw new UsageError(missing.map((flag) => `invalid ${flag.replace(/=$/, "")}: missing value (write ${flag.replace(/=$/, "")} VALUE)`));
}

/** A whole number from an option, or undefined when absent. */
export function integerOption(value: unknown, flag: string, minimum: number, maximum = Number.MAX_SAFE_INTEGER): number | undefined {
  if (value === undefined || value === "") return undefined;
  const number = typeof value === "number" ? value : Number(value);
  if (typeof value === "boolean" || !Number.isInteger(number) || number < minimum || number > maximum) {
    throw new UsageError(
      `invalid ${flag}: ${JSON.stringify(value)} (must be an integer from ${minimum}${maximum < Number.MAX_SAFE_INTEGER ? ` to ${maximum}` : " up"})`,
    );
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

/** The `--max-sessions` flag: a command line may raise (or lower) the work a replication may do. */
export const MAX_SESSIONS_ARG = {
  type: "string",
  description: `most sessions (or chats) one replication may simulate (default ${groupDigits(DEFAULT_MAX_SESSIONS)})`,
} as const;

/**
 * 5000000 → "5,000,000", as `toLocaleString("en-US")` writes a whole number. Not through Intl: this
 * runs when the module loads, and the first Intl call of a process loads ICU's locale data (about
 * 30 ms of CPU), which a `simulate --json` run otherwise never needs.
 */
function groupDigits(whole: number): string {
  return String(whole).replace(/\B(?=(\d{3})+$)/g, ",");
}

/** `--max-sessions N`: a positive whole number, or undefined for the default. */
export function maxSessionsOption(value: unknown): number | undefined {
  return integerOption(value, "--max-sessions", 1);
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
