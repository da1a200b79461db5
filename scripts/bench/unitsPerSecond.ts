import type { BenchMeasurement } from "./benchSuite.ts";
import { median } from "simple-statistics";

/** Throughput of a measurement in its units per second, from its median wall time. */
export function unitsPerSecond(measurement: BenchMeasurement): number {
  return measurement.units / median(measurement.wallSeconds);
}
