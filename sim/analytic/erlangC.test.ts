import { describe, expect, it } from "vitest";
import { erlangC } from "./erlangC.ts";

/** |actual - expected| <= tolerance * |expected|. */
function expectClose(actual: number, expected: number, tolerance: number) {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(tolerance * Math.abs(expected));
}

// [servers, offered load, C] from `python3 sim/analytic/reference/erlang_bc_reference.py` (line ERLANG_C):
// the textbook sum formula in 60-digit Decimal. Loads up to 0.99 utilisation, c = 1 .. 2000.
const REFERENCE: [number, number, number][] = [
  [1, 0.99, 0.99],
  [2, 1.98, 0.9850251256281407],
  [10, 9.9, 0.9637384203876213],
  [100, 99, 0.8827684626100845],
  [1000, 990, 0.6590804218808545],
  [2000, 1980, 0.5460741178972371],
  [10, 5, 0.03610535915832019],
  [100, 80, 0.01964642663435951],
  [2000, 1900, 0.013406437303190343],
];

describe("erlangC", () => {
  it.each(REFERENCE)("erlangC(%i, %d) matches the 60-digit reference to 1e-13 relative", (servers, load, expected) => {
    expectClose(erlangC(servers, load), expected, 1e-13);
  });

  it("erlangC(14, 10) and erlangC(11, 10) match the published pyworkforce / R ErlangC example (100 calls per 30 min, AHT 180 s)", () => {
    // pyworkforce 0.1.0 README: waiting_probability 0.1741319335950498 at 14 positions;
    // R package ErlangC 0.1.0 `calculate_agents` process table: wait_probability 0.6821182 at 11 agents.
    expectClose(erlangC(14, 10), 0.1741319335950498, 1e-14);
    expect(erlangC(11, 10).toFixed(7)).toBe("0.6821182");
  });

  it("erlangC(1, A) = A for A < 1 (M/M/1: P(wait) = rho)", () => {
    for (const load of [0, 0.3, 0.999]) expectClose(erlangC(1, load), load, 1e-15);
  });

  it("erlangC(c, A) = 1 when A >= c (unstable)", () => {
    expect(erlangC(10, 10)).toBe(1);
    expect(erlangC(10, 25)).toBe(1);
    // Exactly 1 at A = c for every c, not the formula's rounding of c·B ÷ (c − c(1 − B)) (0.9999999999999998 at c = 3).
    for (let servers = 1; servers <= 20; servers++) expect(erlangC(servers, servers)).toBe(1);
  });

  it("rejects bad servers and load by regex", () => {
    expect(() => erlangC(-3, 1)).toThrow(/^invalid servers: -3 \(must be an integer >= 1\)$/);
    expect(() => erlangC(3, -0.5)).toThrow(/^invalid offeredLoadErlangs: -0\.5 \(must be a finite number >= 0\)$/);
  });
});
