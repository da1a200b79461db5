export { type PrecisionTarget, type ReplicateOptions, type ReplicationSet, replicate } from "./replicate.ts";
export { replicationSeed } from "./replicationSeed.ts";
export { kpiValues, summariseKpis } from "./summariseKpis.ts";
