export { replicate, type ReplicateOptions, type ReplicationSet, type PrecisionTarget } from "./replicate.ts";
export { replicationSeed } from "./replicationSeed.ts";
export { summariseKpis, kpiValues } from "./summariseKpis.ts";
