import type { z } from "zod";

/** A path like `segments[0].cartValue.mean` from zod's path array. */
export function formatPath(path: readonly PropertyKey[], prefix = ""): string {
  let out = prefix;
  for (const key of path) {
    if (typeof key === "number") out += `[${key}]`;
    // A key that would not read as one name (empty, spaces, dots, brackets, quotes) is quoted: `agents[" "]`.
    else if (!/^[^\s.[\]"]+$/.test(String(key))) out += `[${JSON.stringify(String(key))}]`;
    else out += out === "" ? String(key) : `.${String(key)}`;
  }
  return out === "" ? "(root)" : out;
}

/** A value as it appears in a message: short, JSON-like, never a whole object dump. */
export function describeValue(value: unknown): string {
  if (value === undefined) return "undefined";
  if (typeof value === "string") return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
  if (typeof value === "number" || typeof value === "boolean" || value === null) return String(value);
  if (Array.isArray(value)) return `a list of ${value.length}`;
  return "an object";
}

/**
 * Turns zod issues into house-format lines, one per problem:
 * `invalid agents.concurrency: 0 (must be an integer >= 1)`, `missing horizon.days (required)`,
 * `invalid agents.concurency: unknown key (allowed: schedule, shrinkage, ...)`.
 */
export function formatIssues(issues: readonly z.core.$ZodIssue[], prefix = ""): string[] {
  const lines: string[] = [];
  for (const issue of issues) {
    const path = formatPath(issue.path, prefix);
    const input = (issue as { input?: unknown }).input;
    switch (issue.code) {
      case "unrecognized_keys":
        for (const key of issue.keys) lines.push(`invalid ${formatPath([...issue.path, key], prefix)}: unknown key (${stripUnknown(issue.message)})`);
        break;
      case "invalid_union": {
        const union = issue as { discriminator?: string; options?: unknown[]; errors: z.core.$ZodIssue[][] };
        if (union.options !== undefined) {
          // A discriminated union reports the whole object as its input; the value at fault is its
          // discriminator (`kind: pareto`), or a missing one.
          const value =
            union.discriminator !== undefined && input !== null && typeof input === "object" ? (input as Record<string, unknown>)[union.discriminator] : input;
          const allowed = union.options.map(String).join(", ");
          lines.push(value === undefined ? `missing ${path} (allowed: ${allowed})` : `invalid ${path}: ${describeValue(value)} (allowed: ${allowed})`);
        } else {
          // Branches whose root type did not even match say nothing useful; if exactly one branch
          // matched the type, its specific problems are the ones to show. Else the union's own message.
          const matching = union.errors.filter((branch) => !(branch.length === 1 && branch[0].code === "invalid_type" && branch[0].path.length === 0));
          if (matching.length === 1) {
            // A loop, not push(...): a union over a long list can yield more lines than a call's argument limit.
            for (const line of formatIssues(
              matching[0].map((nested) => ({ ...nested, path: [...issue.path, ...nested.path] })),
              prefix,
            ))
              lines.push(line);
          } else lines.push(`invalid ${path}: ${describeValue(input)} (${issue.message})`);
        }
        break;
      }
      case "invalid_value":
        lines.push(`invalid ${path}: ${describeValue(input)} (allowed: ${issue.values.map(String).join(", ")})`);
        break;
      default: {
        const message = houseMessage(issue);
        if (input === undefined && issue.code === "invalid_type") lines.push(`missing ${path} (required: ${message.replace(/^must be /, "")})`);
        else lines.push(`invalid ${path}: ${describeValue(input)} (${message})`);
      }
    }
  }
  return [...new Set(lines)];
}

/** What zod calls each expected type, in the words of the house format. */
const TYPE_WORDS: Readonly<Record<string, string>> = {
  array: "must be a list",
  object: "must be a mapping of settings",
  record: "must be a mapping of settings",
  number: "must be a number",
  int: "must be an integer",
  string: "must be text",
  boolean: "must be true or false",
  null: "must be null",
};

/**
 * The issue's message, unless it is zod's own English ("Invalid input: expected array, received
 * number"): schemas here write house-format messages, and a field without one gets the type's words.
 */
function houseMessage(issue: z.core.$ZodIssue): string {
  if (!/^Invalid |expected \w+, received/.test(issue.message)) return issue.message;
  const expected = (issue as { expected?: string }).expected;
  return (expected !== undefined && TYPE_WORDS[expected]) || "must be a valid value (see the schema)";
}

function stripUnknown(message: string): string {
  return message.replace(/^unknown key \((.*)\)$/, "$1");
}
