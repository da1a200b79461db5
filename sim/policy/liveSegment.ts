/**
 * What a scenario says about a segment that a live visitor can reveal: its share of visitors, the
 * device it shops on, and how likely its visitors are to be returning ones. The scenario's resolved
 * segments (sim/model SegmentConfig) satisfy it, so the live store reads them, not a copy.
 */
export interface SegmentProfile {
  readonly name: string;
  readonly weight: number;
  readonly device: string;
  readonly returningProbability: number;
}

/** What the live store knows of a visitor that the scenario's segments are defined by. */
export interface VisitorTraits {
  readonly device: string;
  readonly returningVisitor: boolean;
}

/**
 * The scenario segment a live visitor most likely belongs to. The simulator draws a shopper's segment
 * by weight and then the device and returning status from the segment; the live store sees the device
 * and returning status, so it takes the segment with the largest posterior weight:
 * weight × [device matches] × (returningProbability if returning, else 1 − returningProbability)
 * (Bayes' rule; ties go to the segment written first). No segment on that device: null (unknown).
 *
 * liveSegment([{name: "loyal", weight: 0.2, device: "desktop", returningProbability: 0.9},
 *              {name: "new", weight: 0.8, device: "desktop", returningProbability: 0.1}],
 *             {device: "desktop", returningVisitor: true}) // → "loyal" (0.18 against 0.08)
 */
export function liveSegment(segments: readonly SegmentProfile[], visitor: VisitorTraits): string | null {
  let best: string | null = null;
  let bestWeight = 0;
  for (const segment of segments) {
    if (segment.device !== visitor.device) continue;
    const weight = segment.weight * (visitor.returningVisitor ? segment.returningProbability : 1 - segment.returningProbability);
    if (weight > bestWeight) {
      best = segment.name;
      bestWeight = weight;
    }
  }
  return best;
}
