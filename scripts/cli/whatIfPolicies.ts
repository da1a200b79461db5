import type { Variant } from "../../experiments/compare/index.ts";
import type { ResolvedPolicy } from "../../sim/policy/index.ts";

/** The policies of a comparison's store variants: what a report's what-if panel lets the reader pick from. */
export function storeVariantPolicies(variants: readonly Variant[]): ResolvedPolicy[] {
  return variants.flatMap((variant) => (variant.config.kind === "store" ? [variant.config.chat.policy] : []));
}
