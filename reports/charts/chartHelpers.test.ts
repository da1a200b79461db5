import { describe, expect, it } from "vitest";
import { countColorScale } from "./countColorScale.ts";
import { integerTicks } from "./integerTicks.ts";
import { timeAxis } from "./timeAxis.ts";

describe("timeAxis", () => {
  it("timeAxis(1 day) ticks every 3 h with clock labels up to 24:00", () => {
    const axis = timeAxis(86_400);
    expect(axis.ticks).toEqual([0, 3, 6, 9, 12, 15, 18, 21, 24]);
    expect(axis.ticks.map(axis.tickFormat)).toEqual(["00:00", "03:00", "06:00", "09:00", "12:00", "15:00", "18:00", "21:00", "24:00"]);
    expect(axis.multiDay).toBe(false);
  });

  it("timeAxis(3 days) ticks every 6 h, names the day under each midnight, and has no tick at the end", () => {
    const axis = timeAxis(3 * 86_400);
    expect(axis.ticks).toHaveLength(12);
    expect([axis.tickFormat(0), axis.tickFormat(6), axis.tickFormat(24)]).toEqual(["00:00\nday 1", "06:00", "00:00\nday 2"]);
  });

  it("timeAxis(30 days) ticks whole days, at most about 14", () => {
    const axis = timeAxis(30 * 86_400);
    expect(axis.ticks.length).toBeLessThanOrEqual(15);
    expect(axis.tickFormat(48)).toBe("day 3");
  });
});

describe("integerTicks", () => {
  it("integerTicks(maximum, count) gives whole numbers at a 1-2-5 step", () => {
    expect([integerTicks(0), integerTicks(2), integerTicks(5), integerTicks(7, 5), integerTicks(12, 5), integerTicks(97, 5)]).toEqual([
      [0, 1],
      [0, 1, 2],
      [0, 1, 2, 3, 4, 5],
      [0, 2, 4, 6],
      [0, 5, 10],
      [0, 20, 40, 60, 80],
    ]);
  });

  it("integerTicks(maximum, count, minimum) keeps a regular step over a range that does not start at 0", () => {
    expect([integerTicks(13, 6, 3), integerTicks(9, 8, 2)]).toEqual([
      [4, 6, 8, 10, 12],
      [2, 3, 4, 5, 6, 7, 8, 9],
    ]);
  });
});

describe("countColorScale", () => {
  it("countColorScale(values) is linear from 0 for values of one magnitude and log when they span 50× or more", () => {
    const linear = countColorScale([3, 10, 20]);
    expect([linear.type, linear.domain, linear.position(10)]).toEqual(["linear", [0, 20], 0.5]);
    const log = countColorScale([0, 2, 112, 1074]);
    expect([log.type, log.domain]).toEqual(["log", [2, 1074]]);
    // On the log scale 112 sits about two thirds of the way up, 1,074 at the top: different colours.
    expect(log.position(112)).toBeCloseTo(Math.log(56) / Math.log(537), 12);
    expect(log.position(1074)).toBe(1);
    expect(countColorScale([0.2, 0.9], [0, 1]).domain).toEqual([0, 1]);
  });
});
