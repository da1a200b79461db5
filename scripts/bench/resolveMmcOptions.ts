import { MAX_BATCHES, MIN_BATCHES } from "./batchMeansInterval.ts";

/** What a caller may set for one M/M/c benchmark run. Seconds; rates per second. */
export interface MmcOptions {
  /** Customers to simulate (all of them count towards customers/s). */
  customers?: number;
  arrivalRatePerSecond?: number;
  meanServiceSeconds?: number;
  servers?: number;
  seed?: string | number;
  /** Batches for the batch-means confidence interval of the mean wait. */
  batches?: number;
  /** Share of the first customers whose waits are not recorded (the system starts empty). */
  warmupFraction?: number;
}

/** `MmcOptions` with every value filled in, plus the derived split into warm-up and batches. */
export interface ResolvedMmcOptions {
  readonly customers: number;
  readonly arrivalRatePerSecond: number;
  readonly meanServiceSeconds: number;
  readonly servers: number;
  readonly seed: string | number;
  readonly batches: number;
  readonly warmupFraction: number;
  /** Customers 0 .. warmupCustomers - 1 are simulated but not recorded. */
  readonly warmupCustomers: number;
  /** Customers per batch; the few customers after the last full batch are not recorded either. */
  readonly batchCustomers: number;
}

/** The model: M/M/100, λ = 90/min, mean service 1 min, 1,000,000 customers. */
export const DEFAULT_MMC_OPTIONS = Object.freeze({
  customers: 1_000_000,
  arrivalRatePerSecond: 90 / 60,
  meanServiceSeconds: 60,
  servers: 100,
  seed: 1,
  batches: 20,
  warmupFraction: 0.05,
});

/** Fills in defaults and checks every value; throws a RangeError naming the option and the value. */
export function resolveMmcOptions(options: MmcOptions = {}): ResolvedMmcOptions {
  const merged = { ...DEFAULT_MMC_OPTIONS, ...withoutUndefined(options) };
  requireInteger("customers", merged.customers, 1);
  requirePositive("arrivalRatePerSecond", merged.arrivalRatePerSecond);
  requirePositive("meanServiceSeconds", merged.meanServiceSeconds);
  requireInteger("servers", merged.servers, 1);
  requireInteger("batches", merged.batches, MIN_BATCHES, MAX_BATCHES);
  if (!(merged.warmupFraction >= 0 && merged.warmupFraction < 1)) {
    throw new RangeError(`invalid warmupFraction: ${merged.warmupFraction} (must be >= 0 and < 1)`);
  }
  const warmupCustomers = Math.floor(merged.customers * merged.warmupFraction);
  const batchCustomers = Math.floor((merged.customers - warmupCustomers) / merged.batches);
  if (batchCustomers < 1) {
    throw new RangeError(`invalid customers: ${merged.customers} (too few for ${merged.batches} batches after warm-up)`);
  }
  return Object.freeze({ ...merged, warmupCustomers, batchCustomers });
}

function withoutUndefined(options: MmcOptions): MmcOptions {
  return Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined));
}

function requireInteger(name: string, value: number, min: number, max = Number.MAX_SAFE_INTEGER): void {
  if (!Number.isInteger(value) || value < min || value > max) {
    const range = max === Number.MAX_SAFE_INTEGER ? `>= ${min}` : `from ${min} to ${max}`;
    throw new RangeError(`invalid ${name}: ${value} (must be an integer ${range})`);
  }
}

function requirePositive(name: string, value: number): void {
  if (!(value > 0 && value < Infinity)) throw new RangeError(`invalid ${name}: ${value} (must be a finite number > 0)`);
}
