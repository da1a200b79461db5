// Store profiles: the YAML description of a store the checks walk, and the demo store's.
export {
  DEMO_PROFILE_PATH,
  DEMO_STORE,
  type LoadProfileOptions,
  loadProfile,
  type MoneyRules,
  parseProfile,
  profileFromData,
  type StoreProfile,
} from "./loadProfile.ts";
export { FIXED_STEPS, GENERATORS, PROFILE_FIELD_TYPES, type StoreProfileInput, storeProfileSchema } from "./profileSchema.ts";
