import type { ModelConfig } from "../../sim/model/index.ts";
import type { ResolvedStaffingTarget, StaffingTargetOptions } from "./staffingTypes.ts";

/** Service-level target when no target is given: 80% answered within the threshold. */
export const DEFAULT_SERVICE_LEVEL = 0.8;

/**
 * Occupancy cap when none is given: 85% (publishedFigures.json `staffing.occupancyCap`, common WFM
 * practice); 1 switches it off. Without it a plan may keep agents 99-100% busy all day.
 */
export const DEFAULT_MAX_OCCUPANCY = 0.85;

/**
 * The target with defaults filled in: the scenario's service-level threshold, and 80% service level
 * when no target at all is given. Throws a house-format RangeError for targets that cannot work.
 */
export function resolveStaffingTarget(config: ModelConfig, target: StaffingTargetOptions = {}): ResolvedStaffingTarget {
  // The occupancy cap is always on (DEFAULT_MAX_OCCUPANCY), so only a service or abandonment target replaces the default service level.
  const given = target.serviceLevel !== undefined || target.maxQueueAbandonment !== undefined;
  const resolved: ResolvedStaffingTarget = {
    serviceLevel: target.serviceLevel ?? (given ? null : DEFAULT_SERVICE_LEVEL),
    serviceLevelSeconds: target.serviceLevelSeconds ?? (config.kind === "chatOnly" ? config.serviceLevelSeconds : config.chat.serviceLevelSeconds),
    maxQueueAbandonment: target.maxQueueAbandonment ?? null,
    maxOccupancy: target.maxOccupancy ?? DEFAULT_MAX_OCCUPANCY,
  };
  if (resolved.serviceLevel !== null && !(resolved.serviceLevel > 0 && resolved.serviceLevel < 1))
    throw new RangeError(`invalid target.serviceLevel: ${resolved.serviceLevel} (must be between 0 and 1, e.g. 0.8)`);
  if (!(resolved.serviceLevelSeconds >= 0))
    throw new RangeError(`invalid target.serviceLevelSeconds: ${resolved.serviceLevelSeconds} (must be a number of seconds >= 0)`);
  if (resolved.maxQueueAbandonment !== null && !(resolved.maxQueueAbandonment > 0 && resolved.maxQueueAbandonment <= 1))
    throw new RangeError(`invalid target.maxQueueAbandonment: ${resolved.maxQueueAbandonment} (must be in (0, 1], e.g. 0.05)`);
  if (resolved.maxOccupancy !== null && !(resolved.maxOccupancy > 0 && resolved.maxOccupancy <= 1))
    throw new RangeError(`invalid target.maxOccupancy: ${resolved.maxOccupancy} (must be in (0, 1], e.g. 0.85)`);
  const patient = config.kind === "chatOnly" && config.patienceSeconds === null;
  if (patient && resolved.maxQueueAbandonment !== null && resolved.serviceLevel === null && target.maxOccupancy === undefined) {
    throw new RangeError(
      `invalid target.maxQueueAbandonment: ${resolved.maxQueueAbandonment} (the scenario has no patienceSeconds, so nobody abandons; set a service level or maximum occupancy)`,
    );
  }
  return resolved;
}
