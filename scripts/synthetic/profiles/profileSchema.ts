// The store profile: everything a synthetic shopper needs to drive a store, as selectors and
// values, no per-store code. Validated with zod; unknown keys are errors that list the allowed ones.

import { z } from "zod";

/** Field kinds: how a value is entered, and which wrong value a persona types to provoke an error. */
export const PROFILE_FIELD_TYPES = ["text", "email", "phone", "postalCode", "cardNumber", "expiry", "cvc", "password", "choice", "checkbox", "select"] as const;
/** One of PROFILE_FIELD_TYPES. */
export type ProfileFieldType = (typeof PROFILE_FIELD_TYPES)[number];

/** Values a field can be filled with when the profile gives no literal value. */
export const GENERATORS = [
  "email",
  "fullName",
  "firstName",
  "lastName",
  "address",
  "city",
  "postalCode",
  "phone",
  "cardNumber",
  "expiry",
  "cvc",
  "cardholder",
  "password",
] as const;
/** One of GENERATORS. */
export type Generator = (typeof GENERATORS)[number];

/** Funnel pages every profile has besides its checkout steps (the policy's step names). */
export const FIXED_STEPS = ["browse", "product", "cart", "confirmation"] as const;

function strict<Shape extends z.ZodRawShape>(shape: Shape) {
  const allowed = Object.keys(shape).join(", ");
  return z.strictObject(shape, {
    error: (issue) =>
      issue.code === "unrecognized_keys" ? `unknown key (allowed: ${allowed})` : issue.code === "invalid_type" ? "must be an object" : undefined,
  });
}
const selector = (description: string) => z.string({ error: "must be a CSS selector (a string)" }).min(1, { error: "must not be empty" }).describe(description);
const text = (description: string) => z.string({ error: "must be a string" }).min(1, { error: "must not be empty" }).describe(description);
const seconds = (description: string) =>
  z.number({ error: "must be a number of seconds" }).gt(0, { error: "must be > 0" }).max(3600, { error: "must be <= 3600" }).describe(description);
const nonNegative = (description: string) =>
  z.number({ error: "must be a number" }).min(0, { error: "must be >= 0" }).refine(Number.isFinite, { error: "must be a finite number" }).describe(description);
const path = (description: string) => z.string({ error: "must be a path such as /cart" }).regex(/^\//, { error: "must start with /" }).describe(description);

const fieldSchema = strict({
  name: text("field name (as in error messages and the results)"),
  selector: selector("the input; for choice and checkbox fields the option to tick"),
  type: z
    .enum(PROFILE_FIELD_TYPES, { error: `must be one of ${PROFILE_FIELD_TYPES.join(", ")}` })
    .default("text")
    .describe("how to enter it and which wrong value provokes an error"),
  value: z
    .string({ error: "must be a string" })
    .optional()
    .describe("literal value to enter; {persona} becomes a name unique to the persona and run (a sign-up per persona)"),
  generate: z
    .enum(GENERATORS, { error: `must be one of ${GENERATORS.join(", ")}` })
    .optional()
    .describe("generate a plausible value (seeded by the persona)"),
  invalid: z.string({ error: "must be a string" }).optional().describe("wrong value a persona enters to provoke an error (default: one per type)"),
  errorProbability: z
    .number({ error: "must be a probability" })
    .min(0, { error: "must be a probability in [0, 1]" })
    .max(1, { error: "must be a probability in [0, 1]" })
    .optional()
    .describe("chance a persona gets it wrong first (default: the scenario's field of the same name, else 0.03)"),
  error: selector("shown when this field is rejected (default: the step's fieldError with {name} replaced)").optional(),
});

const loginSchema = strict({
  url: path("login page"),
  fields: z.array(fieldSchema).min(1, { error: "must have at least 1 field" }).describe("fields to fill"),
  submit: selector("the sign-in button"),
  success: selector("shown once signed in"),
  error: selector("the store's message when it refuses the sign-in (quoted in the failure)").optional(),
  accounts: z
    .array(z.record(z.string(), z.string({ error: "must be a string" })), { error: "must be a list of {field name: value} mappings" })
    .optional()
    .describe("a pool of accounts: persona i signs in with accounts[i mod n], replacing those fields' values"),
});

/** A generic action on a page, one key naming what to do (the value is the selector). */
const actionSchema = z.union(
  [
    strict({ click: selector("click it (open a panel, choose a tab)") }),
    strict({ check: selector("tick a checkbox or radio button") }),
    strict({ select: selector("a drop-down"), value: z.string({ error: "must be a string" }).describe("the option's value or label") }),
    strict({ fill: selector("a text input"), value: z.string({ error: "must be a string" }) }),
    strict({ waitFor: selector("wait until it is visible") }),
    strict({ waitForChange: selector("wait until its text changes (or it appears anew) after the previous action") }),
  ],
  { error: "must be one of {click}, {check}, {select, value}, {fill, value}, {waitFor}, {waitForChange}" },
);

const overlaySchema = strict({
  name: text("what it is, for the results (e.g. cookie consent)"),
  selector: selector("the overlay while it is shown"),
  dismiss: selector("what a shopper clicks to close it"),
});

const catalogSchema = strict({
  url: path("the product list (the policy's browse step)").default("/"),
  product: selector("one product in the list"),
  link: selector("inside a product: the link to its page (omit when the list has add-to-cart buttons only)").optional(),
  addToCart: selector("inside a product: an add-to-cart button on the list itself").optional(),
  added: selector(
    "a confirmation that must appear anew or change (a toast, a cart count) once a product added from the list is in the cart; searched in the whole page (omit when adding opens the cart)",
  ).optional(),
  unavailable: selector("matches a product (or something inside it) that cannot be bought (sold out); such products are not picked").optional(),
  maxQuantity: z
    .number({ error: "must be an integer >= 1" })
    .int({ error: "must be an integer >= 1" })
    .min(1, { error: "must be an integer >= 1" })
    .optional()
    .describe("most of one product a cart may hold (1: one per product; a persona picks another product instead)"),
  name: selector("inside a product: its name").optional(),
  price: selector("inside a product: its price"),
  idAttribute: text("attribute of the product element holding a stable product id (else the name identifies it)").optional(),
});

const productSchema = strict({
  marker: selector("shown on a product page (the policy's product step)"),
  name: selector("the product's name").optional(),
  price: selector("the product's price"),
  quantity: selector("quantity input (for quantities above 1)").optional(),
  addToCart: selector("the add-to-cart button"),
  added: selector(
    "a confirmation that must appear anew or change (a toast, a cart count), for stores that stay on the product page; searched in the whole page (omit when adding opens the cart)",
  ).optional(),
});

const lineSchema = strict({
  line: selector("one line item"),
  name: selector("inside a line: the product name").optional(),
  quantity: selector("inside a line: the quantity (an input or text with a number)").optional(),
  total: selector("inside a line: the line total").optional(),
  unitPrice: selector("inside a line: the unit price (give total, unitPrice or both)").optional(),
  idAttribute: text("attribute of the line element holding the product id").optional(),
});

const cartSchema = strict({
  url: path("the cart page").default("/cart"),
  marker: selector("shown on the cart page with items in it"),
  lines: lineSchema.describe("line items on the cart page"),
  checkout: selector("the button or link that starts checkout"),
  reset: selector("a line's remove button: a persona empties the basket first (stores that keep one basket per account)").optional(),
});

const stepSchema = strict({
  name: text("step name, as trigger rules read it (e.g. shipping, payment)"),
  marker: selector("shown on this step (and only here)"),
  actions: z.array(actionSchema).default([]).describe("actions before the fields (open a panel, choose from a drop-down, wait for a change)"),
  fields: z.array(fieldSchema).default([]).describe("fields to fill, in order"),
  continue: selector("the button that submits the step (places the order on the last step)"),
  error: selector("shown when the step's form is rejected").optional(),
  fieldError: z
    .string({ error: 'must be a selector template such as [data-test="field-error-{name}"]' })
    .min(1)
    .optional()
    .describe("selector of one field's error, {name} replaced by the field name"),
});

const totalsSchema = strict({
  subtotal: selector("subtotal"),
  shipping: selector("shipping charge").optional(),
  tax: selector("tax").optional(),
  fees: selector("fees (absent means none)").optional(),
  total: selector("grand total (absent until the store shows it: the sticker-shock point)"),
  lines: lineSchema.optional().describe("line items in the order summary on checkout pages"),
  free: z.string().default("free").describe("text of a free shipping charge (case-insensitive)"),
});

const confirmationSchema = strict({
  marker: selector("shown on the order confirmation"),
  orderId: selector("the order number").optional(),
  orderIdInUrl: z
    .string({ error: "must be a regular expression with one group" })
    .optional()
    .describe("a regular expression whose first group is the order id in the confirmation's URL"),
  total: selector("the total charged (default: totals.total)").optional(),
  lines: lineSchema.optional().describe("line items on the confirmation"),
});

const chatSchema = strict({
  ready: selector("present once the widget runs (idle time starts there)").optional(),
  invitation: selector("the proactive invitation"),
  accept: selector("accepts the invitation"),
  dismiss: selector("dismisses the invitation"),
  close: selector("minimizes the chat panel so the page is usable again").optional(),
  widget: selector("everything the widget puts on the page, open or closed (the layout check: it must never cover a control or the total)").optional(),
  panel: selector("the open chat panel (the layout check: once closed it must stay closed for the visit)").optional(),
  open: selector("reopens a minimized chat panel").optional(),
  end: selector("ends a chat (pressed when a persona leaves while chatting)").optional(),
  agentMessage: selector("a message from an agent (an accepted chat waits for one)").optional(),
  inputEvents: z
    .array(text("a DOM event type"))
    .default(["mousemove", "mousedown", "keydown", "scroll", "wheel", "touchstart", "input"])
    .describe("events the widget counts as input (they restart idle time)"),
  queuePath: path("JSON queue state {freeSlots, queueLength, predictedWaitSeconds} the widget gates on").optional(),
  eventsPath: path("where the widget reports its events (chatOffered names the rule)").optional(),
  toleranceSeconds: nonNegative("allowed difference between predicted and observed invitation times, virtual seconds").default(1),
  answerSeconds: seconds("how long an accepted chat may wait for an agent's first message").default(10),
});

const moneySchema = strict({
  fromScenario: z
    .boolean({ error: "must be true or false" })
    .default(false)
    .describe("take tax, shipping, fees, the reveal step and the catalog from the scenario (the demo store)"),
  taxRate: z.number({ error: "must be a number" }).min(0, { error: "must be a rate in [0, 1]" }).max(1, { error: "must be a rate in [0, 1]" }).optional(),
  shippingFee: nonNegative("shipping below the free-shipping threshold").optional(),
  freeShippingThreshold: nonNegative("subtotals at or above this ship free (omit for never)").optional(),
  fixedFee: nonNegative("fee per order").optional(),
  totalFirstShownAt: text("step where the full total must first appear (the sticker-shock point)").optional(),
  decimalSeparator: z
    .enum([".", ",", "auto"], { error: 'must be ".", "," or "auto"' })
    .optional()
    .describe("separator of the minor unit (default: the locale's, else auto: told apart per text)"),
  locale: text("the store's locale (e.g. de-DE): separators from Intl").optional(),
  currency: z
    .string({ error: "must be an ISO 4217 code such as EUR" })
    .regex(/^[A-Z]{3}$/, { error: "must be an ISO 4217 code such as EUR" })
    .optional()
    .describe("the currency (its minor-unit digits, from Intl)"),
  currencyDecimals: z
    .number({ error: "must be an integer from 0 to 4" })
    .int({ error: "must be an integer from 0 to 4" })
    .min(0, { error: "must be an integer from 0 to 4" })
    .max(4, { error: "must be an integer from 0 to 4" })
    .optional()
    .describe("digits after the separator a displayed amount may have (default: the currency's, else 2)"),
  tolerance: nonNegative("allowed difference per amount (rounding), currency").default(0.01),
});

const timeoutsSchema = strict({
  navigationSeconds: seconds("a page load").default(15),
  selectorSeconds: seconds("waiting for a selector on a loaded page").default(5),
  personaSeconds: seconds("one persona, start to finish (wall clock)").default(180),
});

/** The profile as written (before defaults). */
export const storeProfileSchema = strict({
  name: text("store name for the results"),
  baseUrl: z
    .string({ error: "must be a URL such as https://shop.example.com" })
    .url({ error: "must be an absolute http(s) URL" })
    .optional()
    .describe("the store (the demo store fills it in)"),
  userAgent: text("browser user agent (default: an ordinary Chrome for the persona's device)").optional(),
  network: strict({
    blockThirdParty: z.boolean({ error: "must be true or false" }).default(true).describe("abort requests that leave the store's origin"),
    allow: z
      .array(z.string().url({ error: "must be an origin such as https://cdn.example.com" }))
      .default([])
      .describe("other origins allowed"),
  }).default({ blockThirdParty: true, allow: [] }),
  timeouts: timeoutsSchema.default({ navigationSeconds: 15, selectorSeconds: 5, personaSeconds: 180 }),
  retries: z
    .number({ error: "must be an integer from 0 to 5" })
    .int({ error: "must be an integer from 0 to 5" })
    .min(0, { error: "must be an integer from 0 to 5" })
    .max(5, { error: "must be an integer from 0 to 5" })
    .default(1)
    .describe("retries of a step that timed out (reported as flaky)"),
  pageBudgetSeconds: seconds("a step page slower than this fails the step-timing check").default(5),
  invalidStatuses: z.array(z.number().int()).default([400, 422]).describe("HTTP statuses a rejected form may answer with"),
  login: loginSchema.optional(),
  catalog: catalogSchema,
  product: productSchema.optional(),
  cart: cartSchema,
  checkout: strict({ steps: z.array(stepSchema).min(1, { error: "must have at least 1 step" }) }),
  totals: totalsSchema,
  confirmation: confirmationSchema,
  chat: chatSchema.optional(),
  overlays: z
    .array(overlaySchema)
    .default([])
    .describe("overlays a shopper closes first whenever they are shown, the one on top first (cookie consent, welcome dialog)"),
  money: moneySchema.default({ fromScenario: false, tolerance: 0.01 }),
});

/** A profile as written (defaults not filled in). */
export type StoreProfileInput = z.input<typeof storeProfileSchema>;
/** A profile with its defaults filled in (loadProfile adds the resolved money rules). */
export type StoreProfileData = z.output<typeof storeProfileSchema>;
/** A form field of a checkout step or the login form. */
export type ProfileField = z.output<typeof fieldSchema>;
/** A checkout step. */
export type ProfileStep = z.output<typeof stepSchema>;
/** Where line items are and how to read them. */
export type ProfileLines = z.output<typeof lineSchema>;
/** A generic step action. */
export type ProfileAction = z.output<typeof actionSchema>;
/** An overlay to close. */
export type ProfileOverlay = z.output<typeof overlaySchema>;
/** The chat widget's selectors and the policy check's settings. */
export type ProfileChat = z.output<typeof chatSchema>;
