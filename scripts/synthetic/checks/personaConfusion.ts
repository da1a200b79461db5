// When the live widget would find a persona confused: the persona's recorded focus, edits, clicks and
// step history replayed through the widget's own meter (sim/policy ConfusionMeter, one definition).

import { ConfusionMeter, newConfusionMemory } from "../../../sim/policy/index.ts";
import type { PersonaObservations } from "../persona/observations.ts";

/**
 * Per document, the moment (ms on the persona's clock) from which the `confusion` signal is true:
 * −Infinity when the visit was already confused as the page loaded, the time of the input that
 * crossed a threshold on the page, or +Infinity when it stays calm there. The meter's memory (furthest
 * step, returns to earlier steps, the confused flag) carries from page to page as the widget keeps it
 * in sessionStorage; field and click counts start afresh on every page, as the widget's do.
 * `checkoutSteps` in order (a return to an earlier one counts towards back-and-forth).
 */
export function confusionOnset(observations: PersonaObservations, checkoutSteps: readonly string[]): Map<string, number> {
  const stepOf = new Map(observations.visits.filter((visit) => visit.doc !== null).map((visit) => [visit.doc!, visit.step]));
  const onset = new Map<string, number>();
  let memory = newConfusionMemory();
  for (const document of observations.events) {
    if (document.type !== "document") continue;
    const step = stepOf.get(document.doc);
    if (step === undefined) continue;
    if (memory.confused) {
      onset.set(document.doc, Number.NEGATIVE_INFINITY);
      continue;
    }
    let at = document.at;
    let confusedAt = Number.POSITIVE_INFINITY;
    const meter = new ConfusionMeter(memory, () => {
      confusedAt = at;
    });
    meter.arrive(step, checkoutSteps);
    const inputs = observations.events.filter((event) => event.type === "confusionInput" && event.doc === document.doc).sort((a, b) => a.at - b.at);
    for (const input of inputs) {
      if (input.type !== "confusionInput" || meter.confused) break;
      at = input.at;
      if (input.kind === "click") meter.click(input.x, input.y, input.at);
      else if (input.kind === "focus") meter.focus(input.field);
      else meter.edit(input.field);
    }
    onset.set(document.doc, confusedAt);
    memory = meter.memory;
  }
  return onset;
}
