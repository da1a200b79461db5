import { workerModule } from "../parallel/index.ts";
import { VERSION } from "../run/index.ts";

/**
 * The version a worker must share with the coordinator: the package version plus the hash of the
 * bundled task code (`workerModule`), so two checkouts that both say 0.1.0 but simulate differently
 * never mix their results. Without a bundle (esbuild unavailable) it is the package version alone.
 */
export function codeVersion(): string {
  const bundle = /simulation-worker-([0-9a-f]+)\.mjs$/.exec(workerModule().filename);
  return bundle === null ? VERSION : `${VERSION}+${bundle[1]}`;
}

/** The BullMQ queue of a code version: workers only ever see tasks of their own version. */
export function queueName(version: string): string {
  return `convsim-${version.replace(/[^A-Za-z0-9.-]/g, "-")}`;
}
