import { formatSeconds } from "../../experiments/format/index.ts";

/** Reports progress of a long run: a labelled bar on a terminal, plain periodic lines otherwise, nothing when quiet. */
export interface Progress {
  /** `finished` of `total` runs of the current stage; a new `stage` name starts a new count. */
  update(finished: number, total: number, stage?: string): void;
  stop(): void;
}

/** How often plain (non-TTY) progress lines are printed at most, seconds. */
const PLAIN_INTERVAL_SECONDS = 5;
/**
 * Runs that must finish before an ETA is shown. The first runs of a stage include the threads'
 * start-up and, with longest-first order, the longest tasks: an ETA from one of them overstates
 * the rest by several times, so none is shown until a few have finished.
 */
export const MIN_FINISHED_FOR_ETA = 3;
/** Characters of the terminal bar. */
const BAR_WIDTH = 24;

export interface ProgressOptions {
  quiet?: boolean;
  stream?: Pick<NodeJS.WriteStream, "write" | "isTTY">;
  /** Seconds since some fixed point (injected by tests). */
  now?: () => number;
}

/**
 * A progress display labelled `label` (and the stage name, when the run has stages). The total of a
 * stage never changes while it runs; the ETA is the stage's mean time per finished run times the
 * runs left, shown only from MIN_FINISHED_FOR_ETA finished runs on. On a terminal one line is
 * redrawn in place; elsewhere a line at most every 5 s and one when a stage ends.
 */
export function createProgress(label: string, options: ProgressOptions = {}): Progress {
  const stream = options.stream ?? process.stderr;
  const now = options.now ?? (() => performance.now() / 1000);
  if (options.quiet) return { update() {}, stop() {} };
  const tty = stream.isTTY === true;
  let stage: string | undefined;
  let stageStarted = now();
  let lastPrinted = -Infinity;
  let drawn = false;
  let lastLine = "";
  return {
    update(finished, total, nextStage) {
      if (nextStage !== stage) {
        if (tty && drawn) stream.write("\n");
        stage = nextStage;
        stageStarted = now();
        lastPrinted = -Infinity;
      }
      const elapsed = now() - stageStarted;
      const line = progressLine(stage === undefined ? label : `${label} · ${stage}`, finished, total, elapsed, tty);
      if (tty) {
        stream.write(`\r${line}\x1b[K`);
        drawn = true;
      } else if (finished >= total || elapsed - lastPrinted >= PLAIN_INTERVAL_SECONDS) {
        if (line === lastLine) return;
        stream.write(`${line}\n`);
        lastPrinted = elapsed;
        lastLine = line;
      }
    },
    stop() {
      if (tty && drawn) stream.write("\n");
      drawn = false;
    },
  };
}

/** One progress line: `staff · search round 2 [######------] 5/8 runs · 63% · 12 s · ETA 7 s`. */
export function progressLine(label: string, finished: number, total: number, elapsedSeconds: number, withBar: boolean): string {
  const share = total > 0 ? Math.min(1, finished / total) : 0;
  const filled = Math.round(share * BAR_WIDTH);
  const bar = withBar ? ` [${"#".repeat(filled)}${"-".repeat(BAR_WIDTH - filled)}]` : ":";
  const eta =
    finished >= MIN_FINISHED_FOR_ETA && finished < total
      ? ` · ETA ${formatSeconds((elapsedSeconds / finished) * (total - finished))}`
      : finished < total
        ? " · ETA …"
        : "";
  return `${label}${bar} ${finished}/${total} runs · ${Math.round(share * 100)}% · ${formatSeconds(elapsedSeconds)}${eta}`;
}
