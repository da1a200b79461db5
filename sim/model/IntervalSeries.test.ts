import { describe, expect, it } from "vitest";
import { IntervalSeries, SERIES_NAMES } from "./IntervalSeries.ts";

describe("IntervalSeries", () => {
  it("add sums into its interval and ignores intervals outside [0, length)", () => {
    const series = new IntervalSeries(3);
    series.add("orders", 0, 2);
    series.add("orders", 0, 0.5);
    series.add("orders", 2, 1);
    series.add("orders", -1, 100);
    series.add("orders", 3, 100);
    expect(Array.from(series.get("orders"))).toEqual([2.5, 0, 1]);
    expect(Array.from(series.get("revenue"))).toEqual([0, 0, 0]);
  });

  it("set overwrites its interval and ignores intervals outside [0, length)", () => {
    const series = new IntervalSeries(2);
    series.add("agentsOnline", 1, 4);
    series.set("agentsOnline", 1, 3);
    series.set("agentsOnline", 0, 7);
    series.set("agentsOnline", -1, 9);
    series.set("agentsOnline", 2, 9);
    expect(Array.from(series.get("agentsOnline"))).toEqual([7, 3]);
  });

  it("get returns the live column, and toJSON plain arrays of every series", () => {
    const series = new IntervalSeries(2);
    series.get("sessions")[1] += 5;
    const json = series.toJSON();
    expect(Object.keys(json)).toEqual([...SERIES_NAMES]);
    expect(json.sessions).toEqual([0, 5]);
    expect(Array.isArray(json.sessions)).toBe(true);
    expect(json.rescuedOrders).toEqual([0, 0]);
    expect(series.length).toBe(2);
    expect(SERIES_NAMES.length).toBe(18);
  });
});
