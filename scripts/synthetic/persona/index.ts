// Personas: drawn from the scenario's shopper model, walked through a store, observed.
export { generateValue, WRONG_VALUES, wrongValueFor } from "./formValues.ts";
export type { PersonaFormError, PersonaItem, PersonaLeave, PersonaPause, PersonaSpec } from "./PersonaSpec.ts";
export {
  DEFAULT_FIELD_ERROR_PROBABILITY,
  DEFAULT_MAX_BROWSE_PAGES,
  DEFAULT_MAX_ITEMS,
  DEFAULT_MAX_PAUSE_SECONDS,
  type PersonaModelOptions,
  personaId,
  type ResolvedPersonaModelOptions,
  resolvePersonaModelOptions,
  SECOND_UNIT_PROBABILITY,
  samplePersona,
} from "./samplePersona.ts";
