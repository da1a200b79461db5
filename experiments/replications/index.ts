export { DAY_BAND_SERIES, type DayBandSeries, type DayBands, dayBands } from "./dayBands.ts";
export { type PrecisionTarget, type ReplicateOptions, type ReplicationSet, replicate } from "./replicate.ts";
export { replicationSeed } from "./replicationSeed.ts";
export { kpiValues, summariseKpis } from "./summariseKpis.ts";
