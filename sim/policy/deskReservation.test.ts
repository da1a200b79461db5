import { describe, expect, it } from "vitest";
import { type DeskReservation, holdsReservation, mayTakeSlot, reservationProblem } from "./deskReservation.ts";

const byValue: DeskReservation = { slots: 2, minCartValue: 150, segments: [] };
const bySegment: DeskReservation = { slots: 1, minCartValue: null, segments: ["vip"] };

describe("holdsReservation", () => {
  it("holdsReservation is true from minCartValue on (inclusive) and false below", () => {
    expect(holdsReservation(byValue, { cartValue: 150, segment: null })).toBe(true);
    expect(holdsReservation(byValue, { cartValue: 149.99, segment: "vip" })).toBe(false);
  });

  it("holdsReservation matches named segments only, and nobody without a rule", () => {
    expect(holdsReservation(bySegment, { cartValue: 1e6, segment: "regular" })).toBe(false);
    expect(holdsReservation(bySegment, { cartValue: 0, segment: "vip" })).toBe(true);
    expect(holdsReservation(bySegment, { cartValue: 0, segment: null })).toBe(false);
    expect(holdsReservation(null, { cartValue: 1e6, segment: "vip" })).toBe(false);
  });
});

describe("mayTakeSlot", () => {
  it("mayTakeSlot lets a standard chat in only while more than the reserved slots are free", () => {
    expect([0, 1, 2, 3, 4].map((free) => mayTakeSlot(byValue, free, false))).toEqual([false, false, false, true, true]);
  });

  it("mayTakeSlot lets a high-value chat take any free slot, and anyone without a rule", () => {
    expect([0, 1, 2].map((free) => mayTakeSlot(byValue, free, true))).toEqual([false, true, true]);
    expect([0, 1].map((free) => mayTakeSlot(null, free, false))).toEqual([false, true]);
  });

  it("mayTakeSlot with slots 0 reserves nothing", () => {
    expect(mayTakeSlot({ ...byValue, slots: 0 }, 1, false)).toBe(true);
  });
});

describe("reservationProblem", () => {
  it("reservationProblem accepts a sound rule and slots 0", () => {
    expect(reservationProblem({ slots: 2, minCartValue: 100 }, 6, [])).toBeNull();
    expect(reservationProblem({ slots: 0, segments: ["vip"] }, 0, ["vip", "regular"])).toBeNull();
  });

  it("reservationProblem names reserved slots that reach the desk's slots", () => {
    expect(reservationProblem({ slots: 6, minCartValue: 100 }, 6, [])).toMatch(/^slots: 6 \(must be less than the desk's 6 chat slots/);
    expect(reservationProblem({ slots: 1.5, minCartValue: 100 }, 6, [])).toMatch(/^slots: 1.5 \(must be an integer >= 0\)$/);
  });

  it("reservationProblem names a negative cart value, an unknown segment and an empty rule", () => {
    expect(reservationProblem({ slots: 1, minCartValue: -5 }, 6, [])).toMatch(/^minCartValue: -5 \(must be a finite number >= 0\)$/);
    expect(reservationProblem({ slots: 1, segments: ["vip", "vipp"] }, 6, ["vip", "regular"])).toBe('segments[1]: "vipp" (must be one of vip, regular)');
    expect(reservationProblem({ slots: 1, segments: ["vip"] }, 6, [])).toBe('segments[0]: "vip" (none are defined)');
    expect(reservationProblem({ slots: 1 }, 6, [])).toMatch(/^segments: \[\] \(give minCartValue or at least one segment/);
  });

  it("reservationProblem refuses negative slots and an infinite cart value, and takes a cart value of 0 (every cart holds)", () => {
    expect(reservationProblem({ slots: -1, minCartValue: 100 }, 6, [])).toBe("slots: -1 (must be an integer >= 0)");
    expect(reservationProblem({ slots: 1, minCartValue: Number.POSITIVE_INFINITY }, 6, [])).toBe("minCartValue: Infinity (must be a finite number >= 0)");
    expect(reservationProblem({ slots: 1, minCartValue: 0 }, 6, [])).toBeNull();
  });
});
