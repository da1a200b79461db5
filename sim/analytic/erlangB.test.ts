import { describe, expect, it } from "vitest";
import { erlangB } from "./erlangB.ts";

/** |actual - expected| <= tolerance * |expected|. */
function expectClose(actual: number, expected: number, tolerance: number) {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(tolerance * Math.abs(expected));
}

// [servers, offered load (Erlangs), B] from `python3 sim/analytic/reference/erlang_bc_reference.py`
// (line ERLANG_B): direct 60-digit Decimal sum (A^c/c!) / sum_k A^k/k!, not the recursion used here.
const REFERENCE: [number, number, number][] = [
  [1, 0.5, 0.3333333333333333],
  [2, 1.5, 0.3103448275862069],
  [10, 5, 0.018384570336648132],
  [100, 90, 0.026957380464359214],
  [1000, 980, 0.013831210129111206],
  [2000, 1980, 0.011887026966441247],
  [2000, 1500, 1.6601399758052122e-35],
];

describe("erlangB", () => {
  it.each(REFERENCE)("erlangB(%i, %d) matches the 60-digit reference to 1e-13 relative", (servers, load, expected) => {
    expectClose(erlangB(servers, load), expected, 1e-13);
  });

  it("erlangB(10, 5) reproduces the Erlang B table value 0.018384... (1.84 % blocking)", () => {
    expect(Math.floor(erlangB(10, 5) * 1e6) / 1e6).toBe(0.018384);
  });

  it("erlangB(1, A) = A / (1 + A), the M/M/1/1 loss probability", () => {
    for (const load of [0.01, 1, 7.5, 1e6]) expectClose(erlangB(1, load), load / (1 + load), 1e-15);
  });

  it("erlangB(c, 0) = 0 and stays finite (underflows gracefully) for c >> A", () => {
    expect(erlangB(5, 0)).toBe(0);
    expect(erlangB(2000, 500)).toBe(0);
    expect(Number.isFinite(erlangB(5000, 4900))).toBe(true);
  });

  it("rejects non-integer or < 1 servers and negative or non-finite load with house-format messages", () => {
    expect(() => erlangB(0, 1)).toThrow(/^invalid servers: 0 \(must be an integer >= 1\)$/);
    expect(() => erlangB(2.5, 1)).toThrow(/^invalid servers: 2\.5 \(must be an integer >= 1\)$/);
    expect(() => erlangB(3, -1)).toThrow(/^invalid offeredLoadErlangs: -1 \(must be a finite number >= 0\)$/);
    expect(() => erlangB(3, NaN)).toThrow(/^invalid offeredLoadErlangs: NaN \(must be a finite number >= 0\)$/);
    expect(() => erlangB(3, Infinity)).toThrow(RangeError);
  });
});
