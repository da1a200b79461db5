import { describe, expect, it } from "vitest";
import { wilsonInterval } from "../../../experiments/stats/index.ts";
import type { StoreModelConfig } from "../../../sim/model/index.ts";
import { testScenario } from "../../store/testing/testStore.ts";
import { loadProfile } from "../profiles/loadProfile.ts";
import { wrongValueFor } from "./formValues.ts";
import { resolvePersonaModelOptions, samplePersona } from "./samplePersona.ts";

const scenario = testScenario();
const config = scenario.config as StoreModelConfig;
const profile = loadProfile("demo", { scenario });
const model = resolvePersonaModelOptions();
/** The demo profile with `errorProbability` set on `field` (every field when none is named). */
function withErrorProbability(errorProbability: number, field?: string): typeof profile {
  const steps = profile.checkout.steps.map((step) => ({
    ...step,
    fields: step.fields.map((candidate) => (field === undefined || candidate.name === field ? { ...candidate, errorProbability } : candidate)),
  }));
  return { ...profile, checkout: { ...profile.checkout, steps } };
}
const draw = (index: number, seed: string | number = 7, options = model) => samplePersona(config, profile, seed, index, options, 2026);

describe("samplePersona", () => {
  it("samplePersona is a pure function of (seed, index): a persona replays exactly, whatever else the run holds", () => {
    expect(draw(3)).toEqual(draw(3));
    expect(draw(3).seed).toBe("7:persona3");
    expect(draw(3)).not.toEqual(draw(4));
    expect(draw(3, 8)).not.toEqual(draw(3));
  });

  it("samplePersona(index 0) is the reference shopper: it finishes, and its form errors follow the probabilities (none at 0)", () => {
    const never = withErrorProbability(0);
    for (const seed of [1, 2, 3, "a", "b"]) {
      const persona = draw(0, seed);
      expect(persona.reference).toBe(true);
      expect(persona.leave).toBeNull();
      expect(samplePersona(config, never, seed, 0, model, 2026).formErrors).toEqual([]);
    }
    expect(draw(0, 1, resolvePersonaModelOptions({ reference: false })).reference).toBe(false);
  });

  it("samplePersona's form errors follow each field's probability × (1.5 − techComfort) for every persona, the first included (4,000 personas, Wilson 99.9%)", () => {
    // Base rates from outside the code: the baseline scenario's errorProbability per field, and one profile
    // override at 0.5; each segment's rate is base × (1.5 − techComfort), capped at 1.
    const overridden = withErrorProbability(0.5, "email");
    const finishing = resolvePersonaModelOptions({ finishAll: true });
    const personas = Array.from({ length: 4000 }, (_, index) => samplePersona(config, overridden, "errors", index, finishing, 2026));
    const fields = overridden.checkout.steps.flatMap((step) =>
      step.fields.filter((field) => wrongValueFor(field) !== null).map((field) => ({ step: step.name, field: field.name })),
    );
    const base = (step: string, field: string) =>
      field === "email"
        ? 0.5
        : config.funnel.steps.find((candidate) => candidate.name === step)!.fields.find((candidate) => candidate.name === field)!.errorProbability;
    const checked: string[] = [];
    for (const segment of config.segments) {
      const members = personas.filter((persona) => persona.segment === segment.name);
      for (const { step, field } of fields) {
        const expected = Math.min(1, base(step, field) * (1.5 - segment.techComfort));
        const errors = members.filter((persona) => persona.formErrors.some((error) => error.step === step && error.field === field)).length;
        const interval = wilsonInterval(errors, members.length, 0.999);
        expect(expected, `${segment.name} ${step}.${field}: ${errors}/${members.length}`).toBeGreaterThanOrEqual(interval.lower);
        expect(expected, `${segment.name} ${step}.${field}: ${errors}/${members.length}`).toBeLessThanOrEqual(interval.upper);
        checked.push(`${segment.name} ${step}.${field}`);
      }
    }
    expect(checked.length).toBeGreaterThanOrEqual(3 * 8);
    // The first persona is drawn like the rest: over 300 seeds, persona 0 errs on the card as often as the law says.
    const firsts = Array.from({ length: 300 }, (_, seed) => samplePersona(config, overridden, seed, 0, model, 2026));
    const cardRate = (persona: (typeof firsts)[number]) =>
      Math.min(1, base("payment", "cardNumber") * (1.5 - config.segments.find((segment) => segment.name === persona.segment)!.techComfort));
    const expectedCard = firsts.reduce((sum, persona) => sum + cardRate(persona), 0) / firsts.length;
    const cardErrors = firsts.filter((persona) => persona.formErrors.some((error) => error.field === "cardNumber")).length;
    const cardInterval = wilsonInterval(cardErrors, firsts.length, 0.999);
    expect(expectedCard).toBeGreaterThanOrEqual(cardInterval.lower);
    expect(expectedCard).toBeLessThanOrEqual(cardInterval.upper);
  });

  it("samplePersona draws segments, devices, leave steps and pauses at the scenario's rates (2,000 personas, 3.5 standard errors)", () => {
    const personas = Array.from({ length: 2000 }, (_, index) => draw(index + 1, "stats"));
    const share = (count: number) => count / personas.length;
    const near = (observed: number, expected: number, n = personas.length) =>
      expect(Math.abs(observed - expected)).toBeLessThan(3.5 * Math.sqrt((expected * (1 - expected)) / n));
    near(share(personas.filter((persona) => persona.segment === "mobile").length), 0.52);
    near(share(personas.filter((persona) => persona.device === "desktop").length), 0.4);
    // The cart's only hazard is justBrowsing 0.38 (the total is revealed later, on shipping).
    near(share(personas.filter((persona) => persona.leave?.step === "cart").length), 0.38);
    // Account: accountRequired 0.07 and the hidden-total hazard 0.021, as competing risks.
    const pastCart = personas.filter((persona) => persona.leave?.step !== "cart");
    near(pastCart.filter((persona) => persona.leave?.step === "account").length / pastCart.length, 1 - 0.93 * 0.979, pastCart.length);
    // Browse pauses with hesitation.pauseProbability 0.25.
    near(share(personas.filter((persona) => persona.pauses.some((pause) => pause.step === "browse")).length), 0.25);
  });

  it("samplePersona keeps personas within the model bounds and generates valid-looking form values", () => {
    for (let index = 1; index < 200; index++) {
      const persona = draw(index);
      expect(persona.browsePicks.length).toBeLessThanOrEqual(3);
      expect(persona.items).toHaveLength(3);
      for (const pause of persona.pauses) expect(pause.seconds).toBeLessThanOrEqual(900);
      if (persona.leave) expect(persona.pauses.map((pause) => pause.step)).not.toContain(persona.leave.step);
      expect(persona.values["account.email"]).toMatch(/^[a-z]+\.\d{4}@example\.com$/);
      expect(persona.values["payment.expiry"]).toMatch(/^(0[1-9]|1[0-2])\/(2[89]|3[0-2])$/);
      for (const error of persona.formErrors) expect(["account", "shipping", "payment"]).toContain(error.step);
    }
  });

  it("samplePersona({finishAll}) makes every persona finish", () => {
    const options = resolvePersonaModelOptions({ finishAll: true });
    expect(Array.from({ length: 50 }, (_, index) => draw(index, 5, options).leave)).toEqual(Array(50).fill(null));
  });
});
