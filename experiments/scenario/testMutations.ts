// Test support only (fast-check arbitraries for fuzzing the scenario loader); not re-exported from
// index.ts. Malformed edits: junk values and the mutations that put them into a valid scenario.

import fc from "fast-check";
import { POLICY_FILES } from "./testArbitraries.ts";

/** A path into plain data: object keys and list indices. */
export type DataPath = readonly (string | number)[];

/** Every path to a value inside `data`, depth first; the root itself is left out. */
export function allPaths(data: unknown, prefix: DataPath = [], paths: DataPath[] = []): DataPath[] {
  // One shared output list: spreading a long list's paths into push() would overflow the stack.
  const entries: [string | number, unknown][] = Array.isArray(data)
    ? data.map((item, index) => [index, item])
    : data !== null && typeof data === "object"
      ? Object.entries(data)
      : [];
  for (const [key, value] of entries) {
    const path = [...prefix, key];
    paths.push(path);
    allPaths(value, path, paths);
  }
  return paths;
}

// Numbers a typo, a unit mix-up or a hostile file produces; YAML reads `.nan` and `.inf` as NaN and Infinity.
const junkNumber = fc.oneof(
  fc.constantFrom(-1, 0, -0, 1, 0.5, 1.5, 2, 3, 24, 48, 96, 1440, 1e-9, 1e9, 1e308, -1e308, 5e-324, Number.MAX_SAFE_INTEGER, NaN, Infinity, -Infinity),
  fc.double(),
  fc.integer({ min: -1000, max: 1000 }),
);

const junkText = fc.oneof(
  fc.constantFrom(
    "",
    " ",
    "NaN",
    "Infinity",
    "-1",
    "1e3",
    "0x10",
    "abc",
    "true",
    "null",
    "00:00",
    "24:00",
    "25:99",
    "8:00",
    "payment",
    "cart",
    "browse",
    "lognormal",
    "chatOnly",
    "store",
  ),
  fc.constantFrom(".", "nope.yaml", ...POLICY_FILES, "../scenarios/baseline.yaml"),
  fc.string({ maxLength: 8 }),
);

const junkDistribution = fc.constantFrom<unknown>(
  { kind: "constant", value: 0 },
  { kind: "constant", value: -1 },
  { kind: "constant", value: 1e308 },
  { kind: "exponential", mean: 1e-300 },
  { kind: "exponential", mean: 1e300 },
  { kind: "uniform", min: 0, max: 1e308 },
  { kind: "uniform", min: -1e308, max: 1e308 },
  { kind: "lognormal", mean: 1e-300, sd: 1e300 },
  { kind: "lognormal", mu: 700, sigma: 10 },
  { kind: "lognormal", mean: 5 },
  { kind: "normal", mean: 0, sd: 1e300, min: 0 },
  { kind: "normal", mean: -1e6, sd: 1, min: 0 },
  { kind: "gamma", shape: 1e-300, scale: 1e300 },
  { kind: "erlang", k: 1e6, mean: 10 },
  { kind: "weibull", shape: 1e-3, scale: 1e3 },
  { kind: "triangular", min: 0, mode: 0, max: 1e-300 },
  { kind: "empirical", samples: [0] },
  { kind: "empirical", samples: [1e308, 1e308], interpolate: true },
  { kind: "beta", a: 1, b: 2 },
);

const junkPolicy = fc.constantFrom<unknown>(
  { name: "nag", rules: [{ name: "always", when: "idleSeconds >= 0" }], caps: { perPage: 50, perVisit: 50, afterDecline: true, minGapSeconds: 0 } },
  {
    name: "gated",
    rules: [{ name: "r", when: "exitIntent or idleSeconds > 0" }],
    gating: { requireFreeSlot: true, maxQueueLength: 0, maxPredictedWaitSeconds: 0 },
  },
  { name: "typo", rules: [{ name: "r", when: "step == paymnet" }] },
  { name: "bad", rules: [{ name: "r", when: "idleSecs >= 3" }], caps: { perVisit: -1 } },
  { rules: [] },
);

/** A value a careless or hostile edit might put anywhere in a scenario. */
export const junkValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 5, arbitrary: junkNumber },
  { weight: 3, arbitrary: junkText },
  { weight: 1, arbitrary: fc.constantFrom<unknown>(true, false, null, {}, [], [1, 2, 3], [[]], [{}], { "": 1 }) },
  { weight: 2, arbitrary: junkDistribution },
  { weight: 1, arbitrary: junkPolicy },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }) },
);

/** One edit of a scenario; `pick` selects a path among the data's current paths (modulo their number). */
export type Mutation =
  | { readonly kind: "replace"; readonly pick: number; readonly value: unknown }
  | { readonly kind: "scale"; readonly pick: number; readonly factor: number }
  | { readonly kind: "delete"; readonly pick: number }
  | { readonly kind: "addKey"; readonly pick: number; readonly key: string; readonly value: unknown }
  | { readonly kind: "emptyList"; readonly pick: number }
  | { readonly kind: "longList"; readonly pick: number; readonly length: number; readonly value: unknown };

export const mutationArbitrary: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ kind: fc.constant("replace" as const), pick: fc.nat(), value: junkValue }) },
  // Extreme but often valid: a number scaled to zero, a sliver, ten or a thousand times, or negated.
  { weight: 4, arbitrary: fc.record({ kind: fc.constant("scale" as const), pick: fc.nat(), factor: fc.constantFrom(0, 1e-6, 0.1, 0.5, 2, 10, 1000, -1) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("delete" as const), pick: fc.nat() }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant("addKey" as const),
      pick: fc.nat(),
      key: fc.oneof(fc.constantFrom("colour", "cartValu", "concurency", "mean", "kind", "__proto__", "constructor", ""), fc.string({ maxLength: 6 })),
      value: junkValue,
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("emptyList" as const), pick: fc.nat() }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant("longList" as const),
      pick: fc.nat(),
      // 48 and 96 are the lengths of one day at 30 and 15 minutes: long lists that are sometimes right.
      length: fc.constantFrom(2, 47, 48, 96, 1000, 20_000),
      value: fc.oneof(
        junkNumber,
        fc.constantFrom<unknown>(1, 0, { from: "00:00", to: "24:00", agents: 1 }, { name: "s", weight: 1, device: "mobile", addToCartProbability: 0.1 }),
      ),
    }),
  },
);

/**
 * Applies `mutation` to `data` in place. The root is never replaced (a non-mapping scenario is
 * tested on its own); an edit aimed at a path its kind does not fit falls back to replacing the value.
 * Paths are recomputed for each edit, since an earlier edit may have removed or added some.
 */
export function applyMutation(data: Record<string, unknown>, mutation: Mutation): void {
  const every = allPaths(data);
  // Scaling aims at numbers only (there is always one while the data has any).
  const numeric = mutation.kind === "scale" ? every.filter((candidate) => typeof candidate.reduce<any>((node, key) => node[key], data) === "number") : [];
  const paths = numeric.length > 0 ? numeric : every;
  if (paths.length === 0) return;
  const path = paths[mutation.pick % paths.length];
  const parent = path.slice(0, -1).reduce<any>((node, key) => node[key], data);
  const key = path[path.length - 1];
  const current = parent[key];
  switch (mutation.kind) {
    case "replace":
      parent[key] = structuredClone(mutation.value);
      break;
    case "scale":
      // A probability scaled past 1 or a count past its limit is rejected; that is part of the test.
      parent[key] = typeof current === "number" ? current * mutation.factor : mutation.factor;
      break;
    case "delete":
      if (Array.isArray(parent)) parent.splice(key as number, 1);
      else delete parent[key];
      break;
    case "addKey":
      // defineProperty, so "__proto__" becomes an own key as it does when YAML or JSON is parsed.
      if (current !== null && typeof current === "object" && !Array.isArray(current)) {
        Object.defineProperty(current, mutation.key, { value: structuredClone(mutation.value), enumerable: true, writable: true, configurable: true });
      } else parent[key] = structuredClone(mutation.value);
      break;
    case "emptyList":
      parent[key] = [];
      break;
    case "longList":
      parent[key] = Array.from({ length: mutation.length }, () => structuredClone(mutation.value));
      break;
  }
}
