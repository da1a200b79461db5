import { fileURLToPath } from "node:url";
import { formatIssues, type LoadedScenario, readDataFile, ScenarioError } from "../../../experiments/index.ts";
import type { StoreModelConfig } from "../../../sim/model/index.ts";
import { type DecimalSeparator, separatorsOf } from "../checks/parseMoney.ts";
import { DEMO_STORE } from "./demoStore.ts";
import { FIXED_STEPS, type ProfileLines, type StoreProfileData, storeProfileSchema } from "./profileSchema.ts";

/** The built-in profile of the live demo store (scripts/store). */
export const DEMO_PROFILE_PATH = fileURLToPath(new URL("./demo-store.yaml", import.meta.url));
export { DEMO_STORE };

/** The money rules a store's totals are checked against; null where the profile states none. */
export interface MoneyRules {
  readonly taxRate: number | null;
  readonly shippingFee: number | null;
  /** Infinity: never free. */
  readonly freeShippingThreshold: number;
  readonly fixedFee: number;
  /** Step where the full total must first appear, or null when the profile does not say. */
  readonly totalFirstShownAt: string | null;
  /** Unit prices by product id and by name (the scenario's catalog), or null to trust the product pages. */
  readonly catalog: ReadonlyMap<string, number> | null;
  readonly decimalSeparator: DecimalSeparator;
  /** Digits a displayed amount may have after the separator (the currency's minor unit). */
  readonly currencyDecimals: number;
  readonly tolerance: number;
}

/** A validated profile with its money rules resolved. */
export interface StoreProfile extends StoreProfileData {
  readonly baseUrl: string;
  /** Where it came from (a file, or "built-in demo profile"). */
  readonly source: string;
  /** Funnel steps in order: browse, product, cart, the checkout steps, confirmation. */
  readonly funnelSteps: readonly string[];
  readonly rules: MoneyRules;
}

/** What loading a profile may be given besides the file. */
export interface LoadProfileOptions {
  /** Store scenario for `money.fromScenario` (the demo store's prices and rules). */
  scenario?: LoadedScenario | null;
  /** Replaces the profile's baseUrl (the demo store's address). */
  baseUrl?: string;
}

/** Reads and validates a profile file (YAML or JSON); `demo` is the built-in one. Throws ScenarioError listing every problem. */
export function loadProfile(path: string, options: LoadProfileOptions = {}): StoreProfile {
  const file = path === DEMO_STORE ? DEMO_PROFILE_PATH : path;
  return parseProfile(readDataFile(file, "store profile"), file === DEMO_PROFILE_PATH ? "built-in demo profile" : `store profile ${file}`, options);
}

/** Validates profile data; `source` names it in errors. */
export function parseProfile(data: unknown, source: string, options: LoadProfileOptions = {}): StoreProfile {
  if (data === null || typeof data !== "object" || Array.isArray(data)) {
    throw new ScenarioError([`invalid profile: ${data === null || data === undefined ? "empty" : typeof data} (must be a mapping of settings)`], source);
  }
  const parsed = storeProfileSchema.safeParse(data, { reportInput: true });
  if (!parsed.success) throw new ScenarioError(formatIssues(parsed.error.issues), source);
  const profile = parsed.data;
  const problems: string[] = [];
  const baseUrl = options.baseUrl ?? profile.baseUrl;
  if (baseUrl === undefined) problems.push("missing baseUrl (required: the store's address, e.g. https://shop.example.com)");
  else if (!/^https?:\/\//.test(baseUrl)) problems.push(`invalid baseUrl: ${JSON.stringify(baseUrl)} (must be an http or https URL)`);

  if (profile.catalog.link === undefined && profile.catalog.addToCart === undefined) {
    problems.push("invalid catalog: neither link nor addToCart (give catalog.link with a product section, or catalog.addToCart)");
  }
  if (profile.catalog.link !== undefined && profile.product === undefined) problems.push("missing product (required when catalog.link opens product pages)");

  const stepNames = profile.checkout.steps.map((step) => step.name);
  stepNames.forEach((name, index) => {
    if ((FIXED_STEPS as readonly string[]).includes(name))
      problems.push(`invalid checkout.steps[${index}].name: ${JSON.stringify(name)} (reserved for a page every store has: ${FIXED_STEPS.join(", ")})`);
    else if (stepNames.indexOf(name) !== index) problems.push(`invalid checkout.steps[${index}].name: ${JSON.stringify(name)} (used by an earlier step)`);
  });
  const fieldGroups = [
    ...profile.checkout.steps.map((step, index) => ({ prefix: `checkout.steps[${index}]`, fields: step.fields, fieldError: step.fieldError })),
    ...(profile.login ? [{ prefix: "login", fields: profile.login.fields, fieldError: undefined }] : []),
  ];
  for (const { prefix, fields, fieldError } of fieldGroups) {
    if (fieldError !== undefined && !fieldError.includes("{name}"))
      problems.push(`invalid ${prefix}.fieldError: ${JSON.stringify(fieldError)} (must contain {name})`);
    fields.forEach((field, index) => {
      const where = `${prefix}.fields[${index}]`;
      if (field.value !== undefined && field.generate !== undefined) problems.push(`invalid ${where}: both value and generate (give one)`);
      const needsValue = field.type !== "choice" && field.type !== "checkbox";
      if (needsValue && field.value === undefined && field.generate === undefined)
        problems.push(`missing ${where}.value (required for a ${field.type} field: give value or generate)`);
    });
  }

  const lineGroups: Array<[string, ProfileLines | undefined]> = [
    ["cart.lines", profile.cart.lines],
    ["totals.lines", profile.totals.lines],
    ["confirmation.lines", profile.confirmation.lines],
  ];
  for (const [where, lines] of lineGroups) {
    if (lines !== undefined && lines.total === undefined && lines.unitPrice === undefined)
      problems.push(`missing ${where}.total (give total, unitPrice or both)`);
  }
  const orderIdInUrl = profile.confirmation.orderIdInUrl;
  if (orderIdInUrl !== undefined && !isPattern(orderIdInUrl))
    problems.push(`invalid confirmation.orderIdInUrl: ${JSON.stringify(orderIdInUrl)} (must be a regular expression with one group)`);
  if (profile.money.locale !== undefined && !isLocale(profile.money.locale))
    problems.push(`invalid money.locale: ${JSON.stringify(profile.money.locale)} (must be a locale such as de-DE)`);
  const funnelSteps = ["browse", "product", "cart", ...stepNames, "confirmation"];
  const rules = moneyRules(profile, options.scenario ?? null, funnelSteps, problems);
  if (problems.length > 0) throw new ScenarioError(problems, source);
  return Object.freeze({ ...profile, baseUrl: baseUrl!.replace(/\/+$/, ""), source, funnelSteps, rules });
}

function moneyRules(profile: StoreProfileData, scenario: LoadedScenario | null, funnelSteps: readonly string[], problems: string[]): MoneyRules {
  const money = profile.money;
  const intl =
    money.locale !== undefined && isLocale(money.locale)
      ? separatorsOf(money.locale, money.currency ?? null)
      : money.currency !== undefined
        ? separatorsOf("en", money.currency)
        : null;
  const base = {
    decimalSeparator: money.decimalSeparator ?? (money.locale !== undefined ? intl?.decimalSeparator : undefined) ?? "auto",
    currencyDecimals: money.currencyDecimals ?? (money.currency !== undefined ? intl?.currencyDecimals : undefined) ?? 2,
    tolerance: money.tolerance,
  };
  if (money.totalFirstShownAt !== undefined && !funnelSteps.includes(money.totalFirstShownAt)) {
    problems.push(`invalid money.totalFirstShownAt: ${JSON.stringify(money.totalFirstShownAt)} (steps: ${funnelSteps.join(", ")})`);
  }
  if (!money.fromScenario) {
    return {
      ...base,
      taxRate: money.taxRate ?? null,
      shippingFee: money.shippingFee ?? null,
      freeShippingThreshold: money.freeShippingThreshold ?? Number.POSITIVE_INFINITY,
      fixedFee: money.fixedFee ?? 0,
      totalFirstShownAt: money.totalFirstShownAt ?? null,
      catalog: null,
    };
  }
  const explicit = (["taxRate", "shippingFee", "freeShippingThreshold", "fixedFee", "totalFirstShownAt"] as const).filter((key) => money[key] !== undefined);
  if (explicit.length > 0) problems.push(`invalid money: fromScenario with ${explicit.join(", ")} (take the rules from the scenario or state them, not both)`);
  if (scenario === null || scenario.config.kind !== "store") {
    problems.push("invalid money.fromScenario: true (needs a store scenario: pass --scenario)");
    return { ...base, taxRate: null, shippingFee: null, freeShippingThreshold: Number.POSITIVE_INFINITY, fixedFee: 0, totalFirstShownAt: null, catalog: null };
  }
  const config: StoreModelConfig = scenario.config;
  const { pricing } = config;
  const catalog = new Map<string, number>();
  const products = (scenario.scenario as { catalog?: readonly { id: string; name: string; price: number }[] }).catalog ?? [];
  for (const product of products) {
    catalog.set(product.id, product.price);
    catalog.set(product.name, product.price);
  }
  // The demo store's sticker-shock point: the cart when totals show up front, else the first
  // step that reveals them, else the last step (no order without a total).
  const steps = config.funnel.steps;
  const reveal = pricing.showTotalUpfront ? "cart" : (steps.find((step) => step.revealsTotal) ?? steps[steps.length - 1]).name;
  return {
    ...base,
    taxRate: pricing.taxRate,
    shippingFee: pricing.shippingFee,
    freeShippingThreshold: pricing.freeShippingThreshold,
    fixedFee: pricing.fixedFee,
    totalFirstShownAt: reveal,
    catalog,
  };
}

/** For tests and tools: validates profile data given inline (no file). */
export function profileFromData(data: unknown, options: LoadProfileOptions = {}): StoreProfile {
  return parseProfile(data, "store profile", options);
}

function isPattern(text: string): boolean {
  try {
    return new RegExp(`${text}|`).exec("")!.length >= 2;
  } catch {
    return false;
  }
}

function isLocale(text: string): boolean {
  try {
    return Intl.getCanonicalLocales(text).length === 1;
  } catch {
    return false;
  }
}
