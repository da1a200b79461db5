import { describe, expect, it } from "vitest";
import { liveSegment, type SegmentProfile } from "./liveSegment.ts";

// Posterior weights worked by hand: weight × P(returning status | segment), among segments on the visitor's device.
const SEGMENTS: SegmentProfile[] = [
  { name: "loyal", weight: 0.2, device: "desktop", returningProbability: 0.9 },
  { name: "new", weight: 0.8, device: "desktop", returningProbability: 0.1 },
  { name: "mobile", weight: 0.5, device: "mobile", returningProbability: 0.3 },
];

describe("liveSegment", () => {
  it("liveSegment(desktop, returning) is loyal: 0.2 × 0.9 = 0.18 beats 0.8 × 0.1 = 0.08", () => {
    expect(liveSegment(SEGMENTS, { device: "desktop", returningVisitor: true })).toBe("loyal");
  });

  it("liveSegment(desktop, new) is new: 0.8 × 0.9 = 0.72 beats 0.2 × 0.1 = 0.02", () => {
    expect(liveSegment(SEGMENTS, { device: "desktop", returningVisitor: false })).toBe("new");
  });

  it("liveSegment(mobile, either) is the only mobile segment", () => {
    expect(liveSegment(SEGMENTS, { device: "mobile", returningVisitor: true })).toBe("mobile");
    expect(liveSegment(SEGMENTS, { device: "mobile", returningVisitor: false })).toBe("mobile");
  });

  it("liveSegment(tablet) is null: no segment shops on a tablet", () => {
    expect(liveSegment(SEGMENTS, { device: "tablet", returningVisitor: false })).toBeNull();
  });

  it("liveSegment on a tie takes the segment written first", () => {
    const tied: SegmentProfile[] = [
      { name: "a", weight: 0.5, device: "desktop", returningProbability: 0.5 },
      { name: "b", weight: 0.5, device: "desktop", returningProbability: 0.5 },
    ];
    expect(liveSegment(tied, { device: "desktop", returningVisitor: true })).toBe("a");
  });
  it("liveSegment(desktop, new) weighs by 1 − returningProbability: 0.5 × 0.8 = 0.4 beats 0.5 × 0.4 = 0.2", () => {
    const even: SegmentProfile[] = [
      { name: "mostlyNew", weight: 0.5, device: "desktop", returningProbability: 0.2 },
      { name: "mixed", weight: 0.5, device: "desktop", returningProbability: 0.6 },
    ];
    expect(liveSegment(even, { device: "desktop", returningVisitor: false })).toBe("mostlyNew");
  });
});
