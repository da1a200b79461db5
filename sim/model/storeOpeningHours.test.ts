// The store model outside its opening hours: the policy's gate closes (no invitation is shown, no
// chat starts) and the help button is the message form, at night by the weekly table and all day on
// a dated holiday. The same seed without the hours is the control that shows the test can fail.

import { describe, expect, it } from "vitest";
import { parseOpeningHours, resolvePolicy } from "../policy/index.ts";
import type { StoreModelConfig } from "./config.ts";
import type { SessionRecord } from "./StoreWorld.ts";
import { simulateStore } from "./simulateStore.ts";
import { tinyStore } from "./testTinyStore.ts";

const DAYS = 3;
const HOURS = DAYS * 24;
const SESSIONS_PER_DAY = 6000;
const LEAVE_PROBABILITY = 0.5;
// 2026-12-24 is a Thursday; the 25th, day 1 of the run, is the holiday. Every day opens 08:00-20:00.
const EVERY_DAY = "08:00-20:00";
const WRITTEN_HOURS = {
  monday: EVERY_DAY,
  tuesday: EVERY_DAY,
  wednesday: EVERY_DAY,
  thursday: EVERY_DAY,
  friday: EVERY_DAY,
  saturday: EVERY_DAY,
  sunday: EVERY_DAY,
  exceptions: [{ date: "2026-12-25", closed: true }],
};

/** Open hours of the run: 08:00-20:00 on days 0 and 2; day 1 closed all day. */
const isOpenHour = (hour: number): boolean => Math.floor(hour / 24) !== 1 && hour % 24 >= 8 && hour % 24 < 20;

/** A tiny store whose shoppers are invited at the payment step and half of them press the help button; 3 agents × 3 chats. */
function store(withHours: boolean): StoreModelConfig {
  const base = tinyStore("step == payment and idleSeconds >= 30", 0.3);
  const parsed = parseOpeningHours(WRITTEN_HOURS, 3, "2026-12-24");
  if (!("hours" in parsed)) throw new Error(parsed.problem);
  return {
    ...base,
    horizon: { days: DAYS, intervalSeconds: 3600 },
    sessionRatesPerSecond: new Array(HOURS).fill(SESSIONS_PER_DAY / 86400),
    segments: [{ ...base.segments[0], helpProbability: 0.5, chatOpenness: 0.5 }],
    chat: { ...base.chat, policy: resolvePolicy({ name: "payment", rules: [{ name: "idle-payment", when: "step == payment and idleSeconds >= 30" }] }) },
    agents: { ...base.agents, scheduled: new Array(HOURS).fill(3), concurrency: 3 },
    desk: {
      ...base.desk,
      messages: { ...base.desk.messages, leaveProbability: LEAVE_PROBABILITY },
      openingHours: withHours ? parsed.hours : null,
    },
  };
}

function run(config: StoreModelConfig): { results: ReturnType<typeof simulateStore>; sessions: SessionRecord[] } {
  const sessions: SessionRecord[] = [];
  const results = simulateStore(config, { seed: 23, onSession: (record) => sessions.push(record) });
  return { results, sessions };
}

describe("store model opening hours", () => {
  const closed = run(store(true));
  const control = run(store(false));

  it("no invitation is shown and no chat is requested in a closed hour (night or holiday); open hours get both", () => {
    const { invitations, chatRequests } = closed.results.intervals;
    for (let hour = 0; hour < HOURS; hour++) {
      if (isOpenHour(hour)) continue;
      expect(invitations[hour], `hour ${hour}`).toBe(0);
      expect(chatRequests[hour], `hour ${hour}`).toBe(0);
    }
    const openHours = Array.from({ length: HOURS }, (_, hour) => hour).filter(isOpenHour);
    expect(Math.min(...openHours.map((hour) => invitations[hour]))).toBeGreaterThan(0);
    expect(Math.min(...openHours.map((hour) => chatRequests[hour]))).toBeGreaterThan(0);
    // The control (same seed, always open) invites and chats on the holiday: the check above can fail.
    const holiday = (series: number[]) => series.slice(24, 48).reduce((sum, value) => sum + value, 0);
    expect(holiday(control.results.intervals.invitations)).toBeGreaterThan(100);
    expect(holiday(control.results.intervals.chatRequests)).toBeGreaterThan(100);
  });

  it("a holiday shopper is never invited and never chats; the help button's requests become closed requests, each offered the message form", () => {
    const onHoliday = closed.sessions.filter((record) => record.arrivedAtSeconds >= 86400 && record.endedAtSeconds < 2 * 86400);
    expect(onHoliday.length).toBeGreaterThan(5000);
    expect(onHoliday.filter((record) => record.invitations > 0 || record.chatted)).toEqual([]);
    const chat = closed.results.chat;
    // Every help request and accepted invitation is either a chat request or a closed request.
    expect(chat.requests + chat.closedRequests).toBe(closed.results.invitations.reactiveRequests + closed.results.invitations.accepted);
    expect(chat.closedRequests).toBeGreaterThan(1000);
    // No queue cap: every message comes from a closed request, left with probability 0.5 (binomial 99% interval).
    expect(chat.blocked).toBe(0);
    const sd = Math.sqrt(chat.closedRequests * LEAVE_PROBABILITY * (1 - LEAVE_PROBABILITY));
    expect(Math.abs(chat.messages.left - chat.closedRequests * LEAVE_PROBABILITY)).toBeLessThan(2.576 * sd);
    expect(control.results.chat.closedRequests).toBe(0);
  });
});
