import { formatPath } from "./formatIssues.ts";
import { centralValue, parseUncertainSpec, type UncertainSpec } from "./uncertainSpec.ts";

/** A number the scenario is unsure of: where it sits and how it is distributed. */
export interface UncertainParameter {
  /** Path as messages print it: `segments[0].patienceSeconds.mean`. */
  readonly path: string;
  /** The same path as keys, to put a value back in place. */
  readonly keys: readonly (string | number)[];
  readonly spec: UncertainSpec;
}

/** Values of the uncertain parameters in one world, by path. */
export type ParameterValues = Readonly<Record<string, number>>;

/**
 * Every `{ uncertain: ... }` in scenario data, sorted by path (so reordering keys in the file
 * changes neither the worlds drawn nor the hash). Problems with a spec go to `problems`, one
 * house-format line each.
 */
export function findUncertainParameters(data: unknown, problems: string[]): UncertainParameter[] {
  const found: UncertainParameter[] = [];
  const walk = (value: unknown, keys: (string | number)[]): void => {
    if (Array.isArray(value)) {
      value.forEach((item, index) => {
        walk(item, [...keys, index]);
      });
      return;
    }
    if (value === null || typeof value !== "object") return;
    const entries = Object.entries(value as Record<string, unknown>);
    if (!("uncertain" in value)) {
      for (const [key, item] of entries) walk(item, [...keys, key]);
      return;
    }
    const path = formatPath(keys);
    if (entries.length > 1) {
      problems.push(
        `invalid ${path}: uncertain with ${entries
          .map(([key]) => key)
          .filter((key) => key !== "uncertain")
          .join(", ")} (write {uncertain: ...} alone in place of the number)`,
      );
      return;
    }
    const spec = parseUncertainSpec((value as { uncertain: unknown }).uncertain, path, problems);
    if (spec !== null) found.push({ path, keys, spec });
  };
  walk(data, []);
  return found.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** A copy of `data` with each parameter replaced by its value (`values` by path), the rest shared. */
export function withParameterValues(data: unknown, parameters: readonly UncertainParameter[], values: ParameterValues): unknown {
  const copy = structuredClone(data);
  for (const parameter of parameters) {
    const value = values[parameter.path];
    if (value === undefined) throw new RangeError(`missing value of uncertain parameter ${parameter.path}`);
    let holder = copy as Record<string | number, unknown>;
    for (const key of parameter.keys.slice(0, -1)) holder = holder[key] as Record<string | number, unknown>;
    holder[parameter.keys[parameter.keys.length - 1]] = value;
  }
  return copy;
}

/** Each parameter at its central value (the mean; see `centralValue`). */
export function centralValues(parameters: readonly UncertainParameter[]): ParameterValues {
  return Object.fromEntries(parameters.map((parameter) => [parameter.path, centralValue(parameter.spec)]));
}
