import { canonicalHash } from "./canonicalHash.ts";
import { type ConcreteScenario, type ParseOptions, parseConcreteScenario, type ScenarioOverrides } from "./parseConcreteScenario.ts";
import { readDataFile } from "./readDataFile.ts";
import { ScenarioError } from "./ScenarioError.ts";
import { centralValues, findUncertainParameters, type ParameterValues, type UncertainParameter, withParameterValues } from "./uncertainParameters.ts";
import { supportBounds } from "./uncertainSpec.ts";

export type { ScenarioOverrides } from "./parseConcreteScenario.ts";

/**
 * A validated scenario, ready to run. With uncertain parameters, `scenario` and `config` are the
 * central world (every parameter at its mean) and `hash` covers the uncertainty specs as well.
 */
export interface LoadedScenario extends ConcreteScenario {
  /** The scenario's `{ uncertain: ... }` numbers, sorted by path; empty when every number is known. */
  readonly uncertain: readonly UncertainParameter[];
  /** The data as written and how it was parsed, so each world can be resolved from it (`worldScenario`). */
  readonly source: { readonly data: Record<string, unknown>; readonly options: ParseOptions };
}

/** Reads, validates and resolves a scenario file (YAML or JSON). Throws ScenarioError listing every problem. */
export function loadScenario(path: string, overrides: ScenarioOverrides = {}): LoadedScenario {
  const data = readDataFile(path, "scenario file");
  return parseScenario(data, { path, overrides });
}

/**
 * Validates and resolves scenario data. A policy given as a path is read relative to the scenario's
 * folder (or the working directory for data without a file). A number written `{ uncertain: ... }`
 * is checked at its central value and at both ends of its range, so every world it can draw is a
 * valid scenario.
 */
export function parseScenario(data: unknown, options: ParseOptions = {}): LoadedScenario {
  const source = options.path ?? "scenario";
  if (data === null || typeof data !== "object" || Array.isArray(data)) {
    throw new ScenarioError([`invalid scenario: ${data === null || data === undefined ? "empty" : typeof data} (must be a mapping of settings)`], source);
  }
  const record = data as Record<string, unknown>;
  const problems: string[] = [];
  const uncertain = findUncertainParameters(record, problems);
  if (problems.length > 0) throw new ScenarioError(problems, source);
  const sourceData = { data: structuredClone(record), options };
  if (uncertain.length === 0) return { ...parseConcreteScenario(record, options), uncertain, source: sourceData };

  const central = centralValues(uncertain);
  const attempts: [string, ParameterValues][] = [
    // A draw off any round number first: a whole-number field (agents, days) fails here, and says why.
    [INSIDE, Object.fromEntries(uncertain.map((parameter) => [parameter.path, insideValue(parameter)]))],
    ["central value", central],
    ["low", Object.fromEntries(uncertain.map((parameter) => [parameter.path, supportBounds(parameter.spec)[0]]))],
    ["high", Object.fromEntries(uncertain.map((parameter) => [parameter.path, supportBounds(parameter.spec)[1]]))],
  ];
  let centralScenario: ConcreteScenario | undefined;
  let firstError: ScenarioError | undefined;
  const reported = new Set<string>();
  // Problems that do not name an uncertain parameter, with the ends at which they showed up.
  const elsewhere = new Map<string, string[]>();
  for (const [end, values] of attempts) {
    try {
      const concrete = parseConcreteScenario(withParameterValues(record, uncertain, values) as Record<string, unknown>, options);
      if (values === central) centralScenario = concrete;
    } catch (error) {
      if (!(error instanceof ScenarioError)) throw error;
      firstError ??= error;
      for (const line of error.problems) {
        // The field itself, or the object holding it (a distribution whose mean is uncertain is judged whole).
        const field = /^invalid (\S+): /.exec(line)?.[1];
        const parameter = uncertain.find((candidate) => candidate.path === field || (field !== undefined && candidate.path.startsWith(`${field}.`)));
        if (parameter === undefined) elsewhere.set(line, [...(elsewhere.get(line) ?? []), end]);
        // One line per parameter: the first end that fails says it (a whole-number field fails at several).
        else if (!reported.has(parameter.path)) {
          reported.add(parameter.path);
          problems.push(uncertainProblem(line, parameter, end, values));
        }
      }
    }
  }
  // A problem at every end has nothing to do with the uncertainty: it reads as it would without it.
  const always = [...elsewhere].filter(([, ends]) => ends.length === attempts.length).map(([line]) => line);
  for (const [line, ends] of elsewhere) if (ends.length < attempts.length) problems.push(uncertainProblem(line, undefined, ends[0], {}));
  if (problems.length === 0 && firstError !== undefined) throw firstError;
  if (problems.length > 0 || centralScenario === undefined) throw new ScenarioError([...always, ...problems], source);
  const specs = uncertain.map(({ path, spec }) => ({ path, spec }));
  return { ...centralScenario, uncertain, source: sourceData, hash: canonicalHash({ scenario: centralScenario.hash, uncertain: specs }) };
}

/**
 * The concrete scenario of one world: the source data with each uncertain parameter at its value
 * in `values` (by path). Its hash identifies that world's numbers.
 */
export function worldScenario(loaded: LoadedScenario, values: ParameterValues): ConcreteScenario {
  return parseConcreteScenario(withParameterValues(loaded.source.data, loaded.uncertain, values) as Record<string, unknown>, loaded.source.options);
}

const INSIDE = "a draw inside the range";

function insideValue(parameter: UncertainParameter): number {
  const [low, high] = supportBounds(parameter.spec);
  return low + (high - low) * 0.381966;
}

// Messages a field gives for a number when it holds something else (text, a choice, a distribution).
const NOT_A_NUMBER = /^(must be (a string|true or false|a distribution|a policy|a list|one of [a-z])|must not be empty|allowed: [a-z])/;

/**
 * A problem found with the uncertain parameters at one end of their ranges, said about the
 * uncertainty: `invalid segments[0].returningProbability.uncertain.high: 1.4 (must be a probability in [0, 1])`.
 */
function uncertainProblem(line: string, parameter: UncertainParameter | undefined, end: string, values: ParameterValues): string {
  if (parameter === undefined) {
    const where = `with the uncertain parameters at ${end === "central value" ? "their central values" : end === INSIDE ? "a draw inside their ranges" : `their ${end} ends`}`;
    // Said inside the line's closing parenthesis, so it keeps the house format `invalid FIELD: VALUE (WHAT)`.
    return line.endsWith(")") ? `${line.slice(0, -1)}; ${where})` : `${line} (${where})`;
  }
  const message = /\(([^()]*)\)$/.exec(line)?.[1] ?? line;
  if (NOT_A_NUMBER.test(message)) return `invalid ${parameter.path}: an uncertain number (only numeric fields may be uncertain; ${message})`;
  const value = values[parameter.path];
  if (end === INSIDE) return `invalid ${parameter.path}.uncertain: draws such as ${value} (${message}; a whole-number field cannot be uncertain)`;
  if (end === "central value") return `invalid ${parameter.path}.uncertain: central value ${value} (${message})`;
  const where = parameter.spec.kind === "beta" ? `beta: a Beta reaches ${value}, which the field rejects` : `${end}: ${value}`;
  return `invalid ${parameter.path}.uncertain.${where} (${message})`;
}
