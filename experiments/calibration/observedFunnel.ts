import { ABANDONMENT_REASONS, type AbandonmentReason } from "../../sim/model/index.ts";
import { ScenarioError } from "../scenario/ScenarioError.ts";
import type { FunnelRow } from "./funnelCsv.ts";
import { type ChatCounts, observedChat } from "./observedChat.ts";

/** Pages the live store counts that are not steps of the simulated funnel (read, then ignored). */
const PAGES_NOT_FITTED = ["product"] as const;

/** Observed outcomes at one funnel step. */
export interface ObservedStep {
  step: string;
  /** Position in the simulated funnel: 0 browse, 1 cart, then the checkout steps. */
  index: number;
  reached: number;
  /** Sessions that reached the next step (orders after the last). */
  continued: number;
  /** Abandonment counts by reason when the data has reason rows for this step, else null (totals only). */
  reasons: Partial<Record<AbandonmentReason, number>> | null;
}

export interface ObservedFunnel {
  steps: ObservedStep[];
  /** The chat outcome counts (see observedChat). */
  chat: ChatCounts;
  /** What was read but not used, in words. */
  notes: string[];
}

/**
 * Observed funnel counts per step from funnel CSV rows, for the scenario's funnel (`stepNames`:
 * browse, cart, then the checkout steps).
 *
 * - Whole-period rows (empty interval) are used; where a count has only per-interval rows, they are
 *   summed (the calibrated parameters do not vary by time of day).
 * - reached(browse) defaults to the sessions count.
 * - continued(step) = reached(next step), or orders after the last step; without those, reached −
 *   abandoned (at cart and checkout steps every shopper who does not continue abandons).
 * - A step with abandoned rows by reason is fitted by reason: its outcome cells are continued, each
 *   listed reason, and "other" (every other way of leaving).
 * - The chat counts are read by `observedChat`.
 * Throws ScenarioError listing every problem (unknown steps or reasons, duplicate rows, counts that
 * cannot be: more continuing than reaching, reasons adding up to more than the abandonments, more
 * invitations accepted than shown).
 */
export function observedFunnel(rows: readonly FunnelRow[], stepNames: readonly string[], source = "funnel CSV"): ObservedFunnel {
  const problems: string[] = [];
  const notes: string[] = [];
  const known = [...stepNames, ...PAGES_NOT_FITTED];
  const whole = new Map<string, number>();
  const byInterval = new Map<string, number>();
  const seen = new Set<string>();
  rows.forEach((row, index) => {
    const where = `${source} row ${index + 1}`;
    if (row.step !== null && !known.includes(row.step)) {
      problems.push(`invalid ${where} step: ${JSON.stringify(row.step)} (steps of this scenario: ${known.join(", ")})`);
      return;
    }
    if (row.reason !== null && !(ABANDONMENT_REASONS as readonly string[]).includes(row.reason)) {
      problems.push(`invalid ${where} reason: ${JSON.stringify(row.reason)} (allowed: ${ABANDONMENT_REASONS.join(", ")})`);
      return;
    }
    const key = `${row.kind}|${row.step ?? ""}|${row.reason ?? ""}`;
    const full = `${key}|${row.interval ?? ""}`;
    if (seen.has(full)) {
      problems.push(
        `invalid ${where}: a second ${describeKey(row)} row${row.interval === null ? "" : ` for interval ${row.interval}`} (each count may appear once)`,
      );
      return;
    }
    seen.add(full);
    const target = row.interval === null ? whole : byInterval;
    target.set(key, (target.get(key) ?? 0) + row.count);
  });
  const count = (kind: string, step: string | null = null, reason: string | null = null): number | null => {
    const key = `${kind}|${step ?? ""}|${reason ?? ""}`;
    return whole.get(key) ?? byInterval.get(key) ?? null;
  };
  const chat = observedChat((kind) => count(kind), source, problems);
  if (count("reached", "product") !== null) notes.push('"reached product" is read but not fitted: the simulated funnel has no product step');

  const steps: ObservedStep[] = [];
  stepNames.forEach((step, index) => {
    const reached = index === 0 ? (count("reached", step) ?? count("sessions")) : count("reached", step);
    if (reached === null) return;
    const reasonEntries = ABANDONMENT_REASONS.map((reason) => [reason, count("abandoned", step, reason)] as const).filter(([, value]) => value !== null);
    const reasons = reasonEntries.length > 0 ? (Object.fromEntries(reasonEntries) as Partial<Record<AbandonmentReason, number>>) : null;
    const reasonTotal = reasonEntries.reduce((sum, [, value]) => sum + value!, 0);
    const abandoned = count("abandoned", step) ?? (reasons === null ? null : reasonTotal);
    const next = index + 1 < stepNames.length ? count("reached", stepNames[index + 1]) : count("orders");
    const continued = next ?? (index > 0 && abandoned !== null ? reached - abandoned : null);
    if (continued === null) {
      notes.push(`step ${step} is not fitted: it has a reached count but neither the next step's reached count, the orders nor its abandonments`);
      return;
    }
    if (reached === 0) {
      notes.push(`step ${step} is not fitted: no sessions reached it`);
      return;
    }
    if (continued > reached)
      problems.push(`invalid ${source} counts at ${step}: ${continued} continue but only ${reached} reached it (continuing cannot exceed reaching)`);
    if (reasons !== null && reasonTotal > reached - continued + 1e-9) {
      problems.push(
        `invalid ${source} counts at ${step}: abandonments by reason add up to ${reasonTotal} but only ${reached - continued} of ${reached} did not continue`,
      );
    }
    steps.push({ step, index, reached, continued, reasons });
  });
  if (problems.length === 0 && steps.length === 0)
    problems.push(`invalid ${source}: no funnel step has a usable count (need sessions or reached rows for the steps ${stepNames.join(", ")})`);
  if (problems.length > 0) throw new ScenarioError(problems);
  return { steps, chat, notes };
}

function describeKey(row: FunnelRow): string {
  return [row.kind, row.step, row.reason].filter((part) => part !== null).join(" ");
}
