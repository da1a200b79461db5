import { describe, expect, it } from "vitest";
import { type ErlangAResult, erlangA } from "./erlangA.ts";
import { erlangCMetrics } from "./erlangCMetrics.ts";
import { requiredAgents, type StaffingInput } from "./requiredAgents.ts";

/** |actual - expected| <= tolerance * |expected|. */
function expectClose(actual: number, expected: number, tolerance: number) {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(tolerance * Math.abs(expected));
}

// AHT 180 s, target 20 s, shrinkage 0.3. [label, load, target, concurrency, agentsOnline, servers, agentsScheduled,
// serviceLevel, occupancy] from `python3 sim/analytic/reference/erlang_bc_reference.py` (line ERLANG_C_STAFFING):
// linear scan over agents with the 60-digit Decimal Erlang C.
const ERLANG_C_STAFFING: [string, number, StaffingInput["target"], number, number, number, number, number, number][] = [
  ["pyworkforce example", 10, { serviceLevel: 0.8, maxOccupancy: 0.85 }, 1, 14, 14, 20, 0.8883500191794669, 0.7142857142857143],
  ["80/20 load 100", 100, { serviceLevel: 0.8 }, 1, 107, 107, 153, 0.8238047028828995, 0.9345794392523364],
  ["80/20 load 1000", 1000, { serviceLevel: 0.8 }, 1, 1011, 1011, 1445, 0.8137965483924635, 0.9891196834817013],
  ["90/20 load 500", 500, { serviceLevel: 0.9 }, 1, 514, 514, 735, 0.9109272164699667, 0.9727626459143969],
  ["80/20 + occupancy <= 0.85, load 1000", 1000, { serviceLevel: 0.8, maxOccupancy: 0.85 }, 1, 1177, 1177, 1682, 0.9999999999999999, 0.8496176720475785],
  ["mean wait <= 10 s, load 50", 50, { maxMeanWaitSeconds: 10 }, 1, 56, 56, 80, 0.8411755456891564, 0.8928571428571429],
  ["80/20 load 20, 2 chats each", 20, { serviceLevel: 0.8 }, 2, 12, 24, 18, 0.8088818870379831, 0.8333333333333334],
  ["80/20 load 20, concurrency 1.7", 20, { serviceLevel: 0.8 }, 1.7, 15, 25, 22, 0.8800265379530512, 0.8],
];
// AHT 180 s, target 20 s, shrinkage 0.25. [label, load, patience, target, concurrency, agentsOnline, servers,
// agentsScheduled, serviceLevel, pAbandon, occupancy] from `python3 sim/analytic/reference/erlang_a_reference.py`
// (line ERLANG_A_STAFFING): linear scan with the Decimal birth-death chain and uniformization.
const ERLANG_A_STAFFING: [string, number, number, StaffingInput["target"], number, number, number, number, number, number, number][] = [
  ["80/20 load 10 patience 120", 10, 120, { serviceLevel: 0.8 }, 1, 12, 12, 16, 0.8255826443617642, 0.06159737700368042, 0.7820021858302664],
  [
    "80/20 + abandon <= 3% load 100 patience 300",
    100,
    300,
    { serviceLevel: 0.8, maxProbabilityOfAbandon: 0.03 },
    1,
    102,
    102,
    136,
    0.825506463511279,
    0.026166147115642833,
    0.9547390714552522,
  ],
  [
    "abandon <= 5% load 100 patience 60",
    100,
    60,
    { maxProbabilityOfAbandon: 0.05 },
    1,
    101,
    101,
    135,
    0.9386283671756375,
    0.04538834031130628,
    0.9451600590977166,
  ],
  [
    "80/20 + occupancy <= 0.85 load 50 patience 600",
    50,
    600,
    { serviceLevel: 0.8, maxOccupancy: 0.85 },
    1,
    59,
    59,
    79,
    0.9589288985804842,
    0.0034896795932070498,
    0.8445002715311805,
  ],
  ["80/20 load 30 patience 120, 3 chats each", 30, 120, { serviceLevel: 0.8 }, 3, 11, 33, 15, 0.8781863939329574, 0.039650367770085126, 0.8730451202090135],
];

describe("requiredAgents", () => {
  it.each(ERLANG_C_STAFFING)(
    "Erlang C %s: agents, servers, scheduled and achieved measures match the reference",
    (_label, load, target, concurrency, online, servers, scheduled, serviceLevel, occupancy) => {
      const result = requiredAgents({ arrivalRatePerSecond: load / 180, meanServiceSeconds: 180, shrinkage: 0.3, concurrency, target });
      expect([result.model, result.agentsOnline, result.servers, result.agentsScheduled]).toEqual(["erlangC", online, servers, scheduled]);
      expectClose(result.achieved.serviceLevel, serviceLevel, 1e-12);
      expectClose(result.achieved.occupancy, occupancy, 1e-12);
    },
  );

  it.each(ERLANG_A_STAFFING)(
    "Erlang A %s: agents, servers, scheduled and achieved measures match the reference",
    (_label, load, patience, target, concurrency, online, servers, scheduled, serviceLevel, abandon, occupancy) => {
      const result = requiredAgents({
        arrivalRatePerSecond: load / 180,
        meanServiceSeconds: 180,
        meanPatienceSeconds: patience,
        shrinkage: 0.25,
        concurrency,
        target,
      });
      expect([result.model, result.agentsOnline, result.servers, result.agentsScheduled]).toEqual(["erlangA", online, servers, scheduled]);
      const achieved = result.achieved as ErlangAResult;
      expectClose(achieved.serviceLevel, serviceLevel, 1e-12);
      expectClose(achieved.probabilityOfAbandon, abandon, 1e-12);
      expectClose(achieved.occupancy, occupancy, 1e-12);
    },
  );

  it.each([0.3, 1.5, 2.7, 4.5, 7.25, 9.99, 12.01])(
    "Erlang C with a fractional load of %s erlangs: the answer is the first agent count a scan from 1 meets",
    (load) => {
      // Independent of the search's lower bound: walk c = 1, 2, ... with the closed-form measures.
      for (const target of [{ serviceLevel: 0 }, { serviceLevel: 0.8, targetSeconds: 20 }, { maxOccupancy: 0.9 }, { maxMeanWaitSeconds: 30 }]) {
        const input = { arrivalRatePerSecond: load / 180, meanServiceSeconds: 180 };
        let scanned = 1;
        for (; ; scanned++) {
          const m = erlangCMetrics({ ...input, servers: scanned, targetSeconds: target.targetSeconds ?? 20 });
          if (
            scanned > load &&
            (target.serviceLevel === undefined || m.serviceLevel >= target.serviceLevel) &&
            (target.maxOccupancy === undefined || m.occupancy <= target.maxOccupancy) &&
            (target.maxMeanWaitSeconds === undefined || m.meanWaitSeconds <= target.maxMeanWaitSeconds)
          )
            break;
        }
        expect(requiredAgents({ ...input, target }).agentsOnline, JSON.stringify(target)).toBe(scanned);
      }
    },
  );

  it("Erlang C meets an occupancy cap it reaches exactly: load 4 at 0.8 and load 4.5 at 0.9 need 5 agents", () => {
    // 4 ÷ 5 = 0.8 and 4.5 ÷ 5 = 0.9 exactly in binary floating point: equality at the target meets it.
    expect(requiredAgents({ arrivalRatePerSecond: 4 / 180, meanServiceSeconds: 180, target: { maxOccupancy: 0.8 } }).agentsOnline).toBe(5);
    expect(requiredAgents({ arrivalRatePerSecond: 4.5 / 180, meanServiceSeconds: 180, target: { maxOccupancy: 0.9 } }).agentsOnline).toBe(5);
    expect(requiredAgents({ arrivalRatePerSecond: 4.5 / 180, meanServiceSeconds: 180, target: { maxOccupancy: 0.8999 } }).agentsOnline).toBe(6);
  });

  it("returns the smallest count: one agent fewer misses the target", () => {
    const input = { arrivalRatePerSecond: 250 / 180, meanServiceSeconds: 180, meanPatienceSeconds: 240 };
    const result = requiredAgents({ ...input, target: { serviceLevel: 0.85, targetSeconds: 15 } });
    expect(result.achieved.serviceLevel).toBeGreaterThanOrEqual(0.85);
    expect(erlangA({ ...input, servers: result.servers - 1, targetSeconds: 15 }).serviceLevel).toBeLessThan(0.85);
  });

  it("shrinkage scales scheduled agents by 1 / (1 - shrinkage), without floating-point overshoot", () => {
    // AHT 180 s and 5 calls per 180 s: 80/20 needs 8 agents online (checked against erlangCMetrics below).
    const base = { arrivalRatePerSecond: 5 / 180, meanServiceSeconds: 180, target: { serviceLevel: 0.8 } };
    expect(requiredAgents(base).agentsOnline).toBe(8);
    expect(erlangCMetrics({ ...base, servers: 7 }).serviceLevel).toBeLessThan(0.8);
    expect(requiredAgents({ ...base, shrinkage: 0 }).agentsScheduled).toBe(8);
    expect(requiredAgents({ ...base, shrinkage: 0.2 }).agentsScheduled).toBe(10);
    // In floating point 8 / (1 - 0.8) = 40.00000000000001; a bare Math.ceil would schedule 41.
    expect(requiredAgents({ ...base, shrinkage: 0.8 }).agentsScheduled).toBe(40);
    expect(requiredAgents({ ...base, shrinkage: 0.3 }).agentsScheduled).toBe(12); // ceil(11.43)
  });

  it("an occupancy cap binds above the service-level answer (Erlang C: servers >= A / cap)", () => {
    const input = { arrivalRatePerSecond: 1000 / 180, meanServiceSeconds: 180 };
    expect(requiredAgents({ ...input, target: { serviceLevel: 0.8 } }).agentsOnline).toBe(1011);
    expect(requiredAgents({ ...input, target: { serviceLevel: 0.8, maxOccupancy: 0.85 } }).agentsOnline).toBe(Math.ceil(1000 / 0.85));
  });

  it("zero traffic still staffs one agent", () => {
    expect(requiredAgents({ arrivalRatePerSecond: 0, meanServiceSeconds: 60, target: { serviceLevel: 0.8 } }).agentsOnline).toBe(1);
  });

  it("Erlang A measures are monotone in servers (what makes the bisection exact), also with patience < service", () => {
    for (const [load, service, patience] of [
      [8, 180, 30],
      [8, 180, 900],
      [40, 60, 20],
      [40, 300, 3000],
    ]) {
      const results = Array.from({ length: 2 * load }, (_, i) =>
        erlangA({ arrivalRatePerSecond: load / service, meanServiceSeconds: service, meanPatienceSeconds: patience, servers: i + 1 }),
      );
      results.slice(1).forEach((r, i) => {
        const prev = results[i];
        const slack = 1e-12;
        expect(r.probabilityOfWait).toBeLessThanOrEqual(prev.probabilityOfWait + slack);
        expect(r.probabilityOfAbandon).toBeLessThanOrEqual(prev.probabilityOfAbandon + slack);
        expect(r.meanWaitSeconds).toBeLessThanOrEqual(prev.meanWaitSeconds + slack);
        expect(r.occupancy).toBeLessThanOrEqual(prev.occupancy + slack);
        expect(r.serviceLevel).toBeGreaterThanOrEqual(prev.serviceLevel - slack);
      });
    }
  });

  it("a target met exactly is met: each measure's value at c agents, given as the target, needs exactly c agents", () => {
    // The target is the measure's own value at c, so c meets it with equality and c − 1 misses (monotone measures).
    const erlangC = { arrivalRatePerSecond: 7.3 / 180, meanServiceSeconds: 180 };
    const atTen = erlangCMetrics({ ...erlangC, servers: 10, targetSeconds: 20 });
    expect(requiredAgents({ ...erlangC, target: { serviceLevel: atTen.serviceLevel } }).agentsOnline).toBe(10);
    expect(requiredAgents({ ...erlangC, target: { maxMeanWaitSeconds: atTen.meanWaitSeconds } }).agentsOnline).toBe(10);
    const erlangAInput = { arrivalRatePerSecond: 10 / 180, meanServiceSeconds: 180, meanPatienceSeconds: 30 };
    const atSeven = erlangA({ ...erlangAInput, servers: 7 });
    expect(requiredAgents({ ...erlangAInput, target: { maxProbabilityOfAbandon: atSeven.probabilityOfAbandon } }).agentsOnline).toBe(7);
  });

  it("Erlang A may need fewer agents than the load: load 10, patience 30 s, abandonment <= 50% needs 6 (Erlang C's bound c > A does not apply)", () => {
    const input = { arrivalRatePerSecond: 10 / 180, meanServiceSeconds: 180, meanPatienceSeconds: 30 };
    // Scan from 1 with the exact Erlang A measures: 5 servers abandon 53%, 6 abandon 45%.
    let scanned = 1;
    while (erlangA({ ...input, servers: scanned }).probabilityOfAbandon > 0.5) scanned++;
    expect(scanned).toBe(6);
    expect(requiredAgents({ ...input, target: { maxProbabilityOfAbandon: 0.5 } }).agentsOnline).toBe(6);
  });

  it("Erlang C with sub-second service (load = rate × mean service = 20/s × 0.25 s = 5): the answer is the scan's", () => {
    const input = { arrivalRatePerSecond: 20, meanServiceSeconds: 0.25 };
    let scanned = 6; // stability needs c > 5
    while (erlangCMetrics({ ...input, servers: scanned, targetSeconds: 0.1 }).serviceLevel < 0.8) scanned++;
    expect(scanned).toBe(7);
    expect(requiredAgents({ ...input, target: { serviceLevel: 0.8, targetSeconds: 0.1 } }).agentsOnline).toBe(7);
  });

  it("Erlang C never counts an unstable desk as meeting a service level of 0: load 20 at 1.7 chats each needs 13 agents (22 servers)", () => {
    // 12 agents are floor(12 × 1.7) = 20 servers, not more than the load of 20: unstable, whatever the target says.
    const result = requiredAgents({ arrivalRatePerSecond: 20 / 180, meanServiceSeconds: 180, concurrency: 1.7, target: { serviceLevel: 0 } });
    expect([result.agentsOnline, result.servers]).toEqual([13, 22]);
  });

  it("Erlang C staffs up to 10,000,000 servers and refuses a target that needs more", () => {
    // Load 9,999,999.5 under an occupancy cap of 1 needs c = 10,000,000 (c > A), the largest count allowed.
    const atLimit = requiredAgents({ arrivalRatePerSecond: 9_999_999.5, meanServiceSeconds: 1, target: { maxOccupancy: 1 } });
    expect(atLimit.servers).toBe(10_000_000);
    expect(() => requiredAgents({ arrivalRatePerSecond: 10_000_000, meanServiceSeconds: 1, target: { maxOccupancy: 1 } })).toThrow(
      /^invalid target: \{"maxOccupancy":1\} \(not reachable with up to 10000000 servers\)$/,
    );
  });

  it("rejects bad service times, patience, concurrency and targets with house-format messages, patience before the target", () => {
    const ok: StaffingInput = { arrivalRatePerSecond: 0.05, meanServiceSeconds: 180, target: { serviceLevel: 0.8 } };
    expect(() => requiredAgents({ ...ok, meanServiceSeconds: 0 })).toThrow(/^invalid meanServiceSeconds: 0 \(must be a finite number > 0\)$/);
    expect(() => requiredAgents({ ...ok, meanPatienceSeconds: -1, target: {} })).toThrow(/^invalid meanPatienceSeconds: -1 \(must be a finite number > 0\)$/);
    expect(() => requiredAgents({ ...ok, concurrency: Infinity })).toThrow(/^invalid concurrency: Infinity \(must be a finite number >= 1\)$/);
    expect(() => requiredAgents({ ...ok, concurrency: "2" as unknown as number })).toThrow(/^invalid concurrency: "2" \(must be a finite number >= 1\)$/);
    expect(() => requiredAgents({ ...ok, target: null as unknown as StaffingInput["target"] })).toThrow(/^invalid target: null \(must be an object\)$/);
    expect(() => requiredAgents({ ...ok, target: "fast" as unknown as StaffingInput["target"] })).toThrow(/^invalid target: "fast" \(must be an object\)$/);
    expect(() => requiredAgents({ ...ok, meanPatienceSeconds: 60, target: { maxProbabilityOfAbandon: 0 } })).toThrow(
      /^invalid target\.maxProbabilityOfAbandon: 0 \(must be in \(0, 1\]\)$/,
    );
  });

  it("rejects bad inputs with house-format messages", () => {
    const ok: StaffingInput = { arrivalRatePerSecond: 0.05, meanServiceSeconds: 180, target: { serviceLevel: 0.8 } };
    expect(() => requiredAgents({ ...ok, shrinkage: 1 })).toThrow(/^invalid shrinkage: 1 \(must be in \[0, 1\)\)$/);
    expect(() => requiredAgents({ ...ok, shrinkage: -0.1 })).toThrow(/^invalid shrinkage: -0\.1 \(must be in \[0, 1\)\)$/);
    expect(() => requiredAgents({ ...ok, shrinkage: NaN })).toThrow(/^invalid shrinkage: NaN/);
    expect(() => requiredAgents({ ...ok, concurrency: 0.5 })).toThrow(/^invalid concurrency: 0\.5 \(must be a finite number >= 1\)$/);
    expect(() => requiredAgents({ ...ok, arrivalRatePerSecond: -2 })).toThrow(/^invalid arrivalRatePerSecond: -2 \(must be a finite number >= 0\)$/);
    expect(() => requiredAgents({ ...ok, meanPatienceSeconds: 0 })).toThrow(/^invalid meanPatienceSeconds: 0 \(must be a finite number > 0\)$/);
    expect(() => requiredAgents({ ...ok, target: { serviceLevel: 1 } })).toThrow(/^invalid target\.serviceLevel: 1 \(must be in \[0, 1\)\)$/);
    expect(() => requiredAgents({ ...ok, target: { maxOccupancy: 0 } })).toThrow(/^invalid target\.maxOccupancy: 0 \(must be in \(0, 1\]\)$/);
    expect(() => requiredAgents({ ...ok, target: { maxMeanWaitSeconds: -5 } })).toThrow(
      /^invalid target\.maxMeanWaitSeconds: -5 \(must be a finite number > 0\)$/,
    );
    expect(() => requiredAgents({ ...ok, target: { serviceLevel: 0.8, targetSeconds: -1 } })).toThrow(/^invalid target\.targetSeconds: -1/);
    expect(() => requiredAgents({ ...ok, target: {} })).toThrow(
      /^invalid target: \{\} \(must set serviceLevel, maxProbabilityOfAbandon, maxOccupancy or maxMeanWaitSeconds\)$/,
    );
    expect(() => requiredAgents({ ...ok, target: { maxProbabilityOfAbandon: 0.05 } })).toThrow(
      /^invalid target\.maxProbabilityOfAbandon: 0\.05 \(needs meanPatienceSeconds: erlang C has no abandonment\)$/,
    );
  });
});
