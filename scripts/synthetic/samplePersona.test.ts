import { describe, expect, it } from "vitest";
import type { StoreModelConfig } from "../../sim/model/index.ts";
import { testScenario } from "../store/testStore.ts";
import { loadProfile } from "./loadProfile.ts";
import { resolvePersonaModelOptions, samplePersona } from "./samplePersona.ts";

const scenario = testScenario();
const config = scenario.config as StoreModelConfig;
const profile = loadProfile("demo", { scenario });
const model = resolvePersonaModelOptions();
const draw = (index: number, seed: string | number = 7, options = model) => samplePersona(config, profile, seed, index, options, 2026);

describe("samplePersona", () => {
  it("samplePersona is a pure function of (seed, index): a persona replays exactly, whatever else the run holds", () => {
    expect(draw(3)).toEqual(draw(3));
    expect(draw(3).seed).toBe("7:persona3");
    expect(draw(3)).not.toEqual(draw(4));
    expect(draw(3, 8)).not.toEqual(draw(3));
  });

  it("samplePersona(index 0) is the reference shopper: it finishes and makes at least one form error", () => {
    for (const seed of [1, 2, 3, "a", "b"]) {
      const persona = draw(0, seed);
      expect(persona.reference).toBe(true);
      expect(persona.leave).toBeNull();
      expect(persona.formErrors.length).toBeGreaterThan(0);
    }
    expect(draw(0, 1, resolvePersonaModelOptions({ reference: false })).reference).toBe(false);
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
