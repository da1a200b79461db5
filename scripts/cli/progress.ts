import { SingleBar } from "cli-progress";

/** Reports progress of a long run: a bar with ETA on a terminal, plain periodic lines otherwise, nothing when quiet. */
export interface Progress {
  update(finished: number, total: number): void;
  stop(): void;
}

/** How often plain (non-TTY) progress lines are printed at most, seconds. */
const PLAIN_INTERVAL_SECONDS = 5;

export function createProgress(label: string, options: { quiet?: boolean; stream?: NodeJS.WriteStream } = {}): Progress {
  const stream = options.stream ?? process.stderr;
  if (options.quiet) return { update() {}, stop() {} };
  if (stream.isTTY) {
    const bar = new SingleBar({ format: `${label} [{bar}] {value}/{total} runs · {percentage}% · ETA {eta_formatted}`, stream, hideCursor: true, clearOnComplete: false, etaBuffer: 20 });
    let started = false;
    return {
      update(finished, total) {
        if (!started) {
          bar.start(total, 0);
          started = true;
        }
        bar.setTotal(total);
        bar.update(finished);
      },
      stop() {
        if (started) bar.stop();
      },
    };
  }
  const startedAt = performance.now();
  let lastPrinted = -Infinity;
  return {
    update(finished, total) {
      const elapsed = (performance.now() - startedAt) / 1000;
      if (finished < total && elapsed - lastPrinted < PLAIN_INTERVAL_SECONDS) return;
      lastPrinted = elapsed;
      const eta = finished > 0 ? (elapsed / finished) * (total - finished) : NaN;
      stream.write(`${label}: ${finished}/${total} runs (${Math.round((finished / total) * 100)}%), ${elapsed.toFixed(0)} s elapsed${Number.isFinite(eta) && finished < total ? `, ETA ${eta.toFixed(0)} s` : ""}\n`);
    },
    stop() {},
  };
}
