import { describe, expect, it } from "vitest";
import { ABANDONMENT_REASONS, REASON_INDEX } from "./reasons.ts";
import { INVITATION_GROUPS, StoreRecorder } from "./StoreRecorder.ts";

const STEPS = ["browse", "cart", "shipping", "payment"];

describe("StoreRecorder", () => {
  it("new StoreRecorder(steps, 24, 3600) starts every counter at zero, sized by steps × 12 reasons and 3 devices × 2 visitor types", () => {
    const recorder = new StoreRecorder(STEPS, 24, 3600);
    expect(recorder.stepNames).toEqual(STEPS);
    expect(recorder.intervalSeconds).toBe(3600);
    expect(recorder.series.length).toBe(24);
    expect(Array.from(recorder.reached)).toEqual([0, 0, 0, 0]);
    expect(recorder.abandoned.length).toBe(4 * 12);
    expect(ABANDONMENT_REASONS.length).toBe(12);
    expect(recorder.sessionsByGroup.length).toBe(6);
    expect(recorder.cartsByGroup.length).toBe(6);
    expect(recorder.ordersByGroup.length).toBe(6);
    expect(recorder.invitationsByGroup.length).toBe(10);
    expect(recorder.unwantedDeclines.length).toBe(4);
    expect(recorder.rescuedByClass).toEqual([
      { orders: 0, revenue: 0 },
      { orders: 0, revenue: 0 },
    ]);
    expect(recorder.selfService).toEqual({ contacts: 0, resolved: 0, escalated: 0, rescued: 0 });
    expect(recorder.channelEscalation).toEqual({ email: 0, phone: 0 });
    expect(recorder.autoSave).toEqual({ returns: 0, orders: 0, revenue: 0, afterHorizon: 0 });
    expect(INVITATION_GROUPS).toEqual(["early", "later", "newVisitors", "returningVisitors", "inCart"]);
  });

  it("interval(t) is floor(t ÷ intervalSeconds), the last interval for times at or past the horizon", () => {
    const recorder = new StoreRecorder(STEPS, 24, 3600);
    expect(recorder.interval(0)).toBe(0);
    expect(recorder.interval(3599.999)).toBe(0);
    expect(recorder.interval(3600)).toBe(1);
    expect(recorder.interval(7 * 3600 + 1)).toBe(7);
    expect(recorder.interval(86_399)).toBe(23);
    expect(recorder.interval(86_400)).toBe(23);
    expect(recorder.interval(10 * 86_400)).toBe(23);
  });

  it("countInvitation counts a shown invitation once in its time pair and once in its visitor pair, and in the cart pair only in a cart", () => {
    const recorder = new StoreRecorder(STEPS, 1, 3600);
    // early, new visitor, no cart, declined
    recorder.countInvitation(false, false, false, false);
    expect(Array.from(recorder.invitationsByGroup)).toEqual([1, 0, 0, 0, 1, 0, 0, 0, 0, 0]);
    // later, returning visitor, in a cart, accepted
    recorder.countInvitation(true, true, true, true);
    expect(Array.from(recorder.invitationsByGroup)).toEqual([1, 0, 1, 1, 1, 0, 1, 1, 1, 1]);
    // early, returning, in a cart, declined
    recorder.countInvitation(false, true, true, false);
    expect(Array.from(recorder.invitationsByGroup)).toEqual([2, 0, 1, 1, 1, 0, 2, 1, 2, 1]);
    // later, new, no cart, accepted
    recorder.countInvitation(true, false, false, true);
    expect(Array.from(recorder.invitationsByGroup)).toEqual([2, 0, 2, 2, 2, 1, 2, 1, 2, 1]);
  });

  it("countUnwantedDecline counts [first declined, first annoyed, repeat declined, repeat annoyed]", () => {
    const recorder = new StoreRecorder(STEPS, 1, 3600);
    recorder.countUnwantedDecline(false, false);
    expect(Array.from(recorder.unwantedDeclines)).toEqual([1, 0, 0, 0]);
    recorder.countUnwantedDecline(false, true);
    expect(Array.from(recorder.unwantedDeclines)).toEqual([2, 1, 0, 0]);
    recorder.countUnwantedDecline(true, false);
    expect(Array.from(recorder.unwantedDeclines)).toEqual([2, 1, 1, 0]);
    recorder.countUnwantedDecline(true, true);
    recorder.countUnwantedDecline(true, true);
    expect(Array.from(recorder.unwantedDeclines)).toEqual([2, 1, 3, 2]);
  });

  it("reach, abandon and countGroup count in the slot of step, step × 12 + reason, and device × 2 + returning", () => {
    const recorder = new StoreRecorder(STEPS, 1, 3600);
    recorder.reach(0);
    recorder.reach(2);
    recorder.reach(2);
    expect(Array.from(recorder.reached)).toEqual([1, 0, 2, 0]);
    recorder.abandon(3, REASON_INDEX.cardDeclined);
    recorder.abandon(1, REASON_INDEX.justBrowsing);
    recorder.abandon(1, REASON_INDEX.justBrowsing);
    const abandoned = Array.from(recorder.abandoned);
    expect(abandoned[3 * 12 + 10]).toBe(1);
    expect(abandoned[12]).toBe(2);
    expect(abandoned.reduce((sum, count) => sum + count, 0)).toBe(3);
    // mobile (index 1), returning → slot 3; tablet (2), new → slot 4
    recorder.countGroup(recorder.cartsByGroup, 1, true);
    recorder.countGroup(recorder.cartsByGroup, 2, false);
    recorder.countGroup(recorder.cartsByGroup, 0, false);
    expect(Array.from(recorder.cartsByGroup)).toEqual([1, 0, 0, 1, 1, 0]);
  });

  it("its tallies name what they measure in the error for a non-finite observation", () => {
    const recorder = new StoreRecorder(STEPS, 1, 3600);
    expect(() => recorder.orderValues.add(Number.NaN)).toThrow(/^invalid order value observation: NaN/);
    expect(() => recorder.cartValues.add(Number.POSITIVE_INFINITY)).toThrow(/^invalid cart value observation: Infinity/);
    expect(() => recorder.sessionSeconds.add(Number.NaN)).toThrow(/^invalid session duration observation: NaN/);
  });
});
