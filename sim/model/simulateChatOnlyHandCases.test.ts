// simulateChatOnly's wiring, checked by laws that hold exactly on every run whatever the random
// draws (constant times where a claim needs a known value), not by statistical bands: where chats go
// (queue, message form, self-service, video), when they arrive, and what each count adds up to.

import { describe, expect, it } from "vitest";
import { parseOpeningHours } from "../policy/index.ts";
import { type ChatOnlyModelConfig, DEFAULT_DESK_CONFIG, type DeskConfig } from "./config.ts";
import { simulateChatOnly } from "./simulateChatOnly.ts";

const HOUR = 3600;
const DAY_HOURS = "08:00-20:00";
/** Open 08:00-20:00 every day: 12 of the run's 24 hours. */
const EIGHT_TO_EIGHT = {
  monday: DAY_HOURS,
  tuesday: DAY_HOURS,
  wednesday: DAY_HOURS,
  thursday: DAY_HOURS,
  friday: DAY_HOURS,
  saturday: DAY_HOURS,
  sunday: DAY_HOURS,
};

/** One day of hourly intervals at `chatsPerHour`, `agents` agents each hour, exponential handle 180 s. */
function config(desk: Partial<DeskConfig>, chatsPerHour = 20, agents = 2): ChatOnlyModelConfig {
  return {
    kind: "chatOnly",
    name: "hand case",
    horizon: { days: 1, intervalSeconds: HOUR },
    chatRatesPerSecond: Array(24).fill(chatsPerHour / HOUR),
    handleSeconds: { kind: "exponential", mean: 180 },
    patienceSeconds: { kind: "exponential", mean: 120 },
    slowdownPerExtraChat: 0,
    serviceLevelSeconds: 20,
    agents: { scheduled: Array(24).fill(agents), shrinkage: 0, concurrency: 1, costPerHour: 20 },
    desk: { ...DEFAULT_DESK_CONFIG, shrinkageMethod: "floor", ...desk },
  };
}

const sum = (values: readonly number[]): number => values.reduce((total, value) => total + value, 0);

describe("simulateChatOnly: every chat ends once", () => {
  it("requests = served + abandoned + blocked, and the intervals' requests add up to them", () => {
    const results = simulateChatOnly(config({ maxQueueLength: 2, warmupSeconds: 2 * HOUR }, 60, 1), { seed: 11 });
    const chat = results.chat;
    expect(chat.blocked).toBeGreaterThan(0);
    expect(chat.abandoned).toBeGreaterThan(0);
    expect(chat.served + chat.abandoned + chat.blocked).toBe(chat.requests);
    // The series counts the warm-up's requests too.
    expect(sum(results.intervals.chatRequests)).toBe(chat.requests + chat.warmup.excludedRequests);
  });
});

describe("simulateChatOnly: the message form", () => {
  it("with leaveProbability 1 every chat turned away (queue full or desk closed) leaves a message of the constant 600 s", () => {
    const parsed = parseOpeningHours(EIGHT_TO_EIGHT, 0);
    if (!("hours" in parsed)) throw new Error(parsed.problem);
    const messages = { leaveProbability: 1, handleSeconds: { kind: "constant", value: 600 } as const, rescueFactor: 0 };
    const chat = simulateChatOnly(config({ maxQueueLength: 0, openingHours: parsed.hours, messages }, 60, 1), { seed: 12 }).chat;
    expect(chat.blocked).toBeGreaterThan(0);
    expect(chat.closedRequests).toBeGreaterThan(0);
    expect(chat.messages.left).toBe(chat.blocked + chat.closedRequests);
    // 600 s each is a sixth of an hour.
    expect(chat.messages.handleHours).toBeCloseTo(chat.messages.left / 6, 9);
  });

  it("with leaveProbability 0 nobody leaves one", () => {
    const messages = { leaveProbability: 0, handleSeconds: { kind: "constant", value: 600 } as const, rescueFactor: 0 };
    const chat = simulateChatOnly(config({ maxQueueLength: 0, messages }, 60, 1), { seed: 12 }).chat;
    expect(chat.blocked).toBeGreaterThan(0);
    expect(chat.messages).toEqual({ left: 0, handleHours: 0 });
  });
});

describe("simulateChatOnly: self-service first", () => {
  /** Every chat goes to the bot first, and every one escalates to the queue exactly one hour later. */
  const EVERY_CHAT_ESCALATES_AFTER_AN_HOUR = {
    ...DEFAULT_DESK_CONFIG.selfService,
    deflectionProbability: 1,
    escalationProbability: 1,
    escalationDelaySeconds: { kind: "constant", value: HOUR } as const,
  };

  it("every chat to the bot, every one escalating after exactly one hour: the queue's requests are the arrivals one interval later", () => {
    const selfService = { ...EVERY_CHAT_ESCALATES_AFTER_AN_HOUR, costPerContact: 0.25 };
    const results = simulateChatOnly(config({ selfService }), { seed: 13 });
    const requests = results.intervals.chatRequests;
    // Nothing can reach the queue in the first hour; the last hour's arrivals escalate after the
    // horizon and count towards the last interval, so it holds two hours' worth.
    expect(requests[0]).toBe(0);
    expect(requests.slice(1, 23).every((count) => count > 0)).toBe(true);
    const { contacts, resolved, escalated, cost } = results.selfService;
    expect([resolved, escalated]).toEqual([0, contacts]);
    expect(sum(requests)).toBe(contacts);
    expect(results.chat.requests).toBe(contacts);
    expect(cost).toBeCloseTo(contacts * 0.25, 9);
  });

  it("during the warm-up bot contacts are not counted, but their escalations after it are chat requests", () => {
    // Warm-up 2 h, delay 1 h: arrivals of the second hour reach the queue after the warm-up.
    const selfService = EVERY_CHAT_ESCALATES_AFTER_AN_HOUR;
    const results = simulateChatOnly(config({ selfService, warmupSeconds: 2 * HOUR }), { seed: 14 });
    const requests = results.intervals.chatRequests;
    // Bot contacts arrived over [2 h, 24 h): their chats land in [3 h, 25 h).
    expect(results.selfService.contacts).toBe(sum(requests.slice(3)));
    expect([results.selfService.resolved, results.selfService.escalated]).toEqual([0, results.selfService.contacts]);
    expect(results.chat.requests).toBe(sum(requests.slice(2)));
    expect(requests[2]).toBeGreaterThan(0);
  });

  it("deflection 0.5, escalation 0: the bot takes about half of the arrivals and the queue the rest (99% band)", () => {
    // Without a warm-up every arrival is either a bot contact (resolved, no chat) or a chat request,
    // and each goes to the bot with probability 0.5: a binomial share of 1,440 expected arrivals.
    const selfService = { ...DEFAULT_DESK_CONFIG.selfService, deflectionProbability: 0.5, escalationProbability: 0 };
    const results = simulateChatOnly(config({ selfService }, 60, 2), { seed: 17 });
    const contacts = results.selfService.contacts;
    const arrivals = contacts + results.chat.requests;
    expect(sum(results.intervals.chatRequests)).toBe(results.chat.requests);
    expect(Math.abs(contacts / arrivals - 0.5)).toBeLessThan(2.576 * Math.sqrt(0.25 / arrivals));
  });

  it("escalation 0: the bot resolves every contact counted after the warm-up and no chat is requested", () => {
    const selfService = { ...DEFAULT_DESK_CONFIG.selfService, deflectionProbability: 1, escalationProbability: 0 };
    const results = simulateChatOnly(config({ selfService, warmupSeconds: 2 * HOUR }), { seed: 15 });
    expect(results.selfService.contacts).toBeGreaterThan(0);
    expect([results.selfService.resolved, results.selfService.escalated, results.chat.requests]).toEqual([results.selfService.contacts, 0, 0]);
  });
});

describe("simulateChatOnly: video", () => {
  it("a closed desk offers no video: every request while closed is counted on the text desk", () => {
    const parsed = parseOpeningHours(EIGHT_TO_EIGHT, 0);
    if (!("hours" in parsed)) throw new Error(parsed.problem);
    const video = { acceptanceProbability: 1, scheduled: Array(24).fill(2), handleSeconds: { kind: "constant", value: 300 } as const, rescueMultiplier: 1 };
    const results = simulateChatOnly(config({ openingHours: parsed.hours, video }), { seed: 16 });
    // Open 12 of 24 hours: every open request takes video (acceptance 1), every closed one is the text desk's.
    expect(results.chat.closedRequests).toBeGreaterThan(0);
    expect(results.chat.requests).toBe(0);
    expect(results.video?.closedRequests).toBe(0);
    expect(results.video?.requests).toBeGreaterThan(0);
    // Constant 300 s calls.
    expect(results.video?.meanHandleSeconds).toBe(300);
  });
});
