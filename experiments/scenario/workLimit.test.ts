import { describe, expect, it } from "vitest";
import { parseScenario } from "./loadScenario.ts";
import { CHAT_ONLY, MINIMAL_STORE, problemsOf } from "./testScenarios.ts";
import { DEFAULT_MAX_SESSIONS, estimateWork } from "./workLimit.ts";

/** Two days of hourly intervals: expected sessions are sessionsPerDay × 2. */
const STORE = { ...MINIMAL_STORE, horizon: { days: 2, intervalMinutes: 60 }, traffic: { sessionsPerDay: 2400 } };

describe("estimateWork", () => {
  it("estimateWork counts rate × interval over the horizon and the busiest hour", () => {
    const work = estimateWork(parseScenario(STORE).config);
    // 2,400 a day over 2 days, flat: 4,800 sessions, 100 an hour.
    expect(work.unit).toBe("sessions");
    expect(work.arrivals).toBeCloseTo(4800, 6);
    expect(work.peakHourArrivals).toBeCloseTo(100, 6);
  });
});

describe("parseScenario work limit", () => {
  it("parseScenario refuses 1e12 sessions a day with one line naming the flag that raises the limit", () => {
    expect(problemsOf(() => parseScenario({ ...STORE, traffic: { sessionsPerDay: 1e12 } }))).toEqual([
      expect.stringMatching(
        /^invalid traffic\.sessionsPerDay: about 2\.0e\+12 sessions in 2 days \(must be at most 2,000,000 per run; raise the limit with --max-sessions N\)$/,
      ),
    ]);
  });

  it("parseScenario refuses 1e308 sessions a day without Infinity or NaN in the message", () => {
    const [line] = problemsOf(() => parseScenario({ ...STORE, traffic: { sessionsPerDay: 1e308 } }));
    expect(line).toMatch(/^invalid traffic\.sessionsPerDay: about more than 1e\+308 sessions in 2 days/);
    expect(line).not.toMatch(/NaN|Infinity/);
  });

  it("parseScenario refuses a chat-only desk of 1e12 chats a day", () => {
    expect(problemsOf(() => parseScenario({ ...CHAT_ONLY, arrivals: { chatsPerDay: 1e12 } }))).toEqual([
      expect.stringMatching(/^invalid arrivals\.chatsPerDay: about [\d,]+ chats in 1 day \(must be at most 2,000,000 per run; .+\)$/),
    ]);
  });

  it("parseScenario accepts exactly the limit and refuses one session more", () => {
    // 24 hourly intervals: 2 days × 1,000,000 a day is exactly the default limit.
    expect(() => parseScenario({ ...STORE, traffic: { sessionsPerDay: DEFAULT_MAX_SESSIONS / 2 } })).not.toThrow();
    expect(problemsOf(() => parseScenario({ ...STORE, traffic: { sessionsPerDay: DEFAULT_MAX_SESSIONS / 2 + 1 } }))).toHaveLength(1);
  });

  it("parseScenario({maxSessions}) raises the limit, and the memory estimate still refuses a peak the heap cannot hold", () => {
    expect(() => parseScenario({ ...STORE, traffic: { sessionsPerDay: 1e7 } }, { overrides: { maxSessions: 1e8 } })).not.toThrow();
    expect(problemsOf(() => parseScenario({ ...STORE, traffic: { sessionsPerDay: 1e12 } }, { overrides: { maxSessions: 1e13 } }))).toEqual([
      expect.stringMatching(
        /^invalid traffic\.sessionsPerDay: about [\d,]+ sessions in the busiest hour \(needs about \d+ MB of memory, more than the \d+ MB available; raise it with NODE_OPTIONS=--max-old-space-size=\d+\)$/,
      ),
    ]);
  });
});
