import { describe, expect, it } from "vitest";
import { createProgress, MIN_FINISHED_FOR_ETA, progressLine } from "./progress.ts";

function recorder(isTTY: boolean) {
  const written: string[] = [];
  let seconds = 0;
  return { stream: { isTTY, write: (text: string) => (written.push(text), true) }, written, tick: (by: number) => (seconds += by), now: () => seconds };
}

describe("progress", () => {
  it("progressLine shows no ETA until MIN_FINISHED_FOR_ETA runs finished, then mean time per run × runs left", () => {
    expect(MIN_FINISHED_FOR_ETA).toBe(3);
    expect(progressLine("staff", 2, 8, 20, false)).toBe("staff: 2/8 runs · 25% · 20 s · ETA …");
    expect(progressLine("staff", 4, 8, 20, false)).toBe("staff: 4/8 runs · 50% · 20 s · ETA 20 s");
    expect(progressLine("staff", 8, 8, 40, false)).toBe("staff: 8/8 runs · 100% · 40 s");
    expect(progressLine("compare", 6, 24, 3, true)).toBe("compare [######------------------] 6/24 runs · 25% · 3 s · ETA 9 s");
  });

  it("createProgress labels every stage and restarts its count and clock per stage (totals never change within one)", () => {
    const { stream, written, tick, now } = recorder(false);
    const progress = createProgress("staff", { stream, now });
    progress.update(1, 8, "loads");
    tick(10);
    progress.update(8, 8, "loads");
    progress.update(1, 8, "search round 1");
    tick(2);
    progress.update(4, 8, "search round 1");
    tick(5);
    progress.update(6, 8, "search round 1");
    progress.stop();
    expect(written).toEqual([
      "staff · loads: 1/8 runs · 13% · 0 s · ETA …\n",
      "staff · loads: 8/8 runs · 100% · 10 s\n",
      "staff · search round 1: 1/8 runs · 13% · 0 s · ETA …\n",
      "staff · search round 1: 6/8 runs · 75% · 7 s · ETA 2.3 s\n",
    ]);
  });

  it("createProgress redraws one line in place on a terminal and ends a stage's line when the next begins", () => {
    const { stream, written, now } = recorder(true);
    const progress = createProgress("staff", { stream, now });
    progress.update(1, 2, "loads");
    progress.update(2, 2, "loads");
    progress.update(1, 2, "sweep 1/6");
    progress.stop();
    expect(written.join("")).toBe(
      "\rstaff · loads [############------------] 1/2 runs · 50% · 0 s · ETA …\x1b[K" +
        "\rstaff · loads [########################] 2/2 runs · 100% · 0 s\x1b[K\n" +
        "\rstaff · sweep 1/6 [############------------] 1/2 runs · 50% · 0 s · ETA …\x1b[K\n",
    );
  });

  it("createProgress({quiet}) writes nothing", () => {
    const { stream, written } = recorder(true);
    const progress = createProgress("staff", { stream, quiet: true });
    progress.update(1, 2);
    progress.stop();
    expect(written).toEqual([]);
  });
});
