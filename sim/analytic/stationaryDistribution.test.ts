import { describe, expect, it } from "vitest";
import { erlangB } from "./erlangB.ts";
import { stationaryDistribution } from "./stationaryDistribution.ts";

describe("stationaryDistribution", () => {
  it("a two-state chain (rates a: 0→1, b: 1→0) has π = (b, a) ÷ (a + b)", () => {
    const pi = stationaryDistribution([Float64Array.of(-1, 1), Float64Array.of(2, -2)]);
    expect(pi[0]).toBeCloseTo(2 / 3, 15);
    expect(pi[1]).toBeCloseTo(1 / 3, 15);
  });

  it("the M/M/c/c birth-death chain ends in Erlang B: π_c = B(c, A)", () => {
    // Births at λ, deaths at n μ; A = λ ÷ μ = 4.5 Erlangs on 6 servers.
    const servers = 6;
    const generator = Array.from({ length: servers + 1 }, () => new Float64Array(servers + 1));
    for (let n = 0; n <= servers; n++) {
      if (n < servers) generator[n][n + 1] = 4.5;
      if (n > 0) generator[n][n - 1] = n;
      generator[n][n] = -generator[n].reduce((sum, rate) => sum + rate, 0);
    }
    const pi = stationaryDistribution(generator);
    expect(pi[servers]).toBeCloseTo(erlangB(servers, 4.5), 14);
    expect(pi.reduce((sum, p) => sum + p, 0)).toBeCloseTo(1, 14);
  });

  it("a one-way cycle 0 → 1 → 2 → 0 at equal rates has the uniform law", () => {
    const pi = stationaryDistribution([Float64Array.of(-1, 1, 0), Float64Array.of(0, -1, 1), Float64Array.of(1, 0, -1)]);
    for (const p of pi) expect(p).toBeCloseTo(1 / 3, 15);
  });
});
