/** Options every suite receives from the bench CLI; a suite ignores what does not apply to it. */
export interface BenchContext {
  /** Problem size for queueing suites (customers per run); undefined: the suite's default. */
  customers: number | undefined;
  /** Customers for the SimPy comparison runs; undefined: the suite's default. */
  simpyCustomers: number | undefined;
  /** Timed runs per JS measurement (after one warm-up run); figures use their median. */
  repeats: number;
  /** Python to run SimPy models with; undefined: search the usual places. */
  python: string | undefined;
  /** Progress lines while a suite runs. */
  log(line: string): void;
}

/** One implementation measured by a suite. */
export interface BenchMeasurement {
  label: string;
  /** Work done per run, in the suite's `unitName` (customers, ...). */
  units: number;
  /** Events processed per run, or null when not counted. Each implementation counts its own events. */
  events: number | null;
  /** Wall time of each timed run, in seconds. */
  wallSeconds: readonly number[];
  /** Extra columns for the table, already formatted (e.g. the mean wait). */
  columns?: Readonly<Record<string, string>>;
}

/** A derived comparison, e.g. engine customers/s over SimPy's, with its target if there is one. */
export interface BenchRatio {
  label: string;
  value: number;
  /** Unit printed after the value (default "×", a ratio). */
  unit?: string;
  /** Human-readable target ("≥ 25×"); figures only, nothing fails on a miss. */
  target?: string;
  met?: boolean;
}

/** What a suite reports: measurements, ratios and free-form notes (validation, caveats). */
export interface BenchFigures {
  suite: string;
  title: string;
  unitName: string;
  measurements: readonly BenchMeasurement[];
  ratios: readonly BenchRatio[];
  notes: readonly string[];
}

/** A named benchmark; `run` does all its measuring and returns the figures to print. */
export interface BenchSuite {
  name: string;
  description: string;
  run(context: BenchContext): Promise<BenchFigures>;
}
