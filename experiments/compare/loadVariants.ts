import { basename, dirname, extname, resolve } from "node:path";
import { z } from "zod";
import { strict, text } from "../scenario/fields.ts";
import { formatIssues } from "../scenario/formatIssues.ts";
import { type LoadedScenario, parseScenario, readDataFile, ScenarioError } from "../scenario/index.ts";
import type { Variant } from "./compareVariants.ts";

/** A comparison file: a base scenario and the variants to run against it. */
const comparisonFileSchema = strict({
  scenario: text("path of the base scenario, relative to this file"),
  control: z.string().optional().describe("name of the control variant (default: the first)"),
  primaryMetric: z.string().optional().describe("metric the verdict is about, e.g. conversionRate or revenuePerSession"),
  variants: z
    .array(
      strict({
        name: text("variant name, unique"),
        policy: z.string().optional().describe("policy file (relative to this file); default: the scenario's policy"),
        overrides: z
          .record(z.string(), z.unknown())
          .optional()
          .describe("scenario settings to change (deep-merged), e.g. {pricing: {freeShippingThreshold: 50}}"),
      }),
    )
    .min(2, { error: "must list at least 2 variants" }),
});

export interface LoadedVariants {
  base: LoadedScenario;
  variants: Variant[];
  control: string;
  primaryMetric?: string;
}

/**
 * Variants from the command line: the scenario's own policy ("current") plus each policy file, or
 * from a comparison file (`variants:` with policies and/or store-lever overrides).
 */
export function loadVariants(path: string, policyFiles: readonly string[], days?: number, maxSessions?: number, warmupSeconds?: number): LoadedVariants {
  const data = readDataFile(path, "scenario file");
  if (isComparison(data)) return fromComparisonFile(path, data, days, maxSessions, warmupSeconds);
  const base = parseScenario(data, { path, overrides: { days, maxSessions, warmupSeconds } });
  const variants: Variant[] = [toVariant(base, "current")];
  for (const file of policyFiles) {
    const loaded = parseScenario(data, { path, overrides: { days, maxSessions, warmupSeconds, policy: resolve(file) } });
    variants.push(toVariant(loaded, basename(file, extname(file))));
  }
  return { base, variants: uniqueNames(variants), control: variants[0].name };
}

/** A comparison file (its `variants:` list) rather than a scenario. */
function isComparison(data: unknown): data is object {
  return data !== null && typeof data === "object" && "variants" in data;
}

function fromComparisonFile(path: string, data: object, days?: number, maxSessions?: number, warmupSeconds?: number): LoadedVariants {
  const parsed = comparisonFileSchema.safeParse(data, { reportInput: true });
  if (!parsed.success) throw new ScenarioError(formatIssues(parsed.error.issues), `comparison file ${path}`);
  const folder = dirname(path);
  const scenarioPath = resolve(folder, parsed.data.scenario);
  const raw = readDataFile(scenarioPath, "scenario file") as Record<string, unknown>;
  // A comparison naming itself (or another comparison) would otherwise fail the scenario schema with a
  // message about fields the user never wrote.
  if (isComparison(raw))
    throw new ScenarioError(
      [`invalid scenario: ${JSON.stringify(parsed.data.scenario)} (must name a scenario file, not a comparison file)`],
      `comparison file ${path}`,
    );
  const variants = parsed.data.variants.map((spec) => {
    const merged = spec.overrides === undefined ? raw : deepMerge(raw, spec.overrides);
    const loaded = parseScenario(merged, {
      path: scenarioPath,
      overrides: { days, maxSessions, warmupSeconds, policy: spec.policy === undefined ? undefined : resolve(folder, spec.policy) },
    });
    return { ...toVariant(loaded, spec.name), name: spec.name };
  });
  const names = new Set(variants.map((variant) => variant.name));
  if (names.size !== variants.length) throw new ScenarioError(["invalid variants: names must be unique"], `comparison file ${path}`);
  const control = parsed.data.control ?? variants[0].name;
  if (!names.has(control))
    throw new ScenarioError([`invalid control: ${JSON.stringify(control)} (variants: ${[...names].join(", ")})`], `comparison file ${path}`);
  const base = parseScenario(raw, { path: scenarioPath, overrides: { days, maxSessions, warmupSeconds } });
  return { base, variants, control, primaryMetric: parsed.data.primaryMetric };
}

function toVariant(loaded: LoadedScenario, fallbackName: string): Variant {
  const policyName = loaded.config.kind === "store" ? loaded.config.chat.policy.name : fallbackName;
  return { name: policyName || fallbackName, policy: policyName, scenarioHash: loaded.hash, config: loaded.config, scenario: loaded };
}

/** Drops exact duplicates (same scenario hash); suffixes different variants that share a name. */
function uniqueNames(variants: Variant[]): Variant[] {
  const seen = new Map<string, number>();
  const hashes = new Set<string>();
  return variants
    .filter((variant) => !hashes.has(variant.scenarioHash) && hashes.add(variant.scenarioHash))
    .map((variant) => {
      const count = seen.get(variant.name) ?? 0;
      seen.set(variant.name, count + 1);
      return count === 0 ? variant : { ...variant, name: `${variant.name}#${count + 1}` };
    });
}

/** Objects merge key by key; anything else (numbers, arrays) is replaced. */
export function deepMerge(base: unknown, override: unknown): unknown {
  if (!isPlainObject(base) || !isPlainObject(override)) return override;
  const merged: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(override)) merged[key] = key in base ? deepMerge(base[key], value) : value;
  return merged;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}
