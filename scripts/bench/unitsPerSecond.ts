import { median } from "simple-statistics";
import type { BenchMeasurement } from "./benchSuite.ts";

/** Throughput of a measurement in its units per second, from its median wall time. */
export function unitsPerSecond(measurement: BenchMeasurement): number {
  return measurement.units / median(measurement.wallSeconds);
}
