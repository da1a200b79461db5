import type { StoreScenario } from "../../../experiments/index.ts";
import { roundMoney, type StoreModelConfig } from "../../../sim/model/index.ts";
import { inHoldout } from "../../../sim/policy/index.ts";
import type { EventLog } from "../events/EventLog.ts";
import type { Session, StoreState } from "../events/StoreState.ts";
import type { NewStoreEvent, OrderLine, OrderPlacedEvent, StoreEvent } from "../events/storeEvents.ts";
import { newId } from "./newId.ts";
import { type OrderTotals, orderTotals } from "./orderTotals.ts";
import { StoreError } from "./StoreError.ts";
import { type StoreField, validateField } from "./validateField.ts";

/** Most of one product a cart holds; more is a typo, not an order. */
export const MAX_QUANTITY = 99;

/** A catalog product as the scenario defines it. */
export type Product = StoreScenario["catalog"][number];
/** A checkout step as the scenario defines it. */
export type CheckoutStep = StoreScenario["funnel"]["steps"][number];

/** The result of submitting a checkout step. */
export type StepOutcome =
  | { kind: "invalid"; errors: Record<string, string>; values: Record<string, string> }
  | { kind: "next"; step: string }
  | { kind: "ordered"; order: OrderPlacedEvent };

/**
 * The store's rules: sessions, cart, checkout and orders. Every change is an event `commit`ted to
 * the state (at once, so a concurrent request in the same process sees it) and to the log; a
 * request handler answers only after `durable()`, so nothing acknowledged can be lost.
 */
export class StoreService {
  readonly scenario: StoreScenario;
  readonly config: StoreModelConfig;
  readonly state: StoreState;
  readonly steps: readonly CheckoutStep[];
  readonly #log: EventLog;
  readonly #now: () => number;
  readonly #listeners = new Set<(event: StoreEvent) => void>();
  readonly #products: Map<string, Product>;

  constructor(options: { scenario: StoreScenario; config: StoreModelConfig; state: StoreState; log: EventLog; now: () => number }) {
    this.scenario = options.scenario;
    this.config = options.config;
    this.state = options.state;
    this.steps = options.scenario.funnel.steps;
    this.#log = options.log;
    this.#now = options.now;
    this.#products = new Map(options.scenario.catalog.map((product) => [product.id, product]));
  }

  get currency(): string {
    return this.scenario.currency;
  }

  now(): number {
    return this.#now();
  }

  /** Records `event` now: applied to the state at once, written to the log in the background. */
  commit(event: NewStoreEvent): StoreEvent {
    const stamped = { ...event, atMs: this.#now() } as StoreEvent;
    this.state.apply(stamped);
    void this.#log.append(stamped);
    for (const listener of this.#listeners) listener(stamped);
    return stamped;
  }

  /** Calls `listener` after each committed event (applied to the state, on its way to disk). */
  onCommit(listener: (event: StoreEvent) => void): void {
    this.#listeners.add(listener);
  }

  /** Resolves once everything committed so far is on disk. */
  durable(): Promise<void> {
    return this.#log.durable();
  }

  /** The session `id` names, or a new one (recorded) when it is missing or unknown. */
  session(id: string | undefined, returningVisitor: boolean, userAgent: string): { session: Session; created: boolean } {
    const existing = id === undefined ? undefined : this.state.sessions.get(id);
    if (existing) return { session: existing, created: false };
    const sessionId = newId("S", 20);
    // The simulator's holdout definition, keyed by the session id; recorded, so a later policy change cannot move a session.
    const policy = this.config.chat.policy;
    const holdout = policy.holdout.share > 0 ? { holdout: inHoldout(policy, sessionId) } : {};
    this.commit({ type: "sessionStarted", sessionId, returningVisitor, userAgent: userAgent.slice(0, 300), ...holdout });
    return { session: this.state.sessions.get(sessionId)!, created: true };
  }

  product(id: string): Product | undefined {
    return this.#products.get(id);
  }

  get products(): readonly Product[] {
    return this.scenario.catalog;
  }

  cartLines(session: Session): OrderLine[] {
    const lines: OrderLine[] = [];
    for (const [productId, quantity] of session.cart) {
      const product = this.#products.get(productId);
      // A product removed from the scenario since the cart was filled is dropped from view.
      if (!product) continue;
      lines.push({ productId, name: product.name, unitPrice: product.price, quantity, lineTotal: roundMoney(product.price * quantity) });
    }
    return lines;
  }

  /** The cart value, the policy's cartValue signal. */
  cartValue(session: Session): number {
    return roundMoney(this.cartLines(session).reduce((sum, line) => sum + line.lineTotal, 0));
  }

  cartQuantity(session: Session): number {
    return this.cartLines(session).reduce((sum, line) => sum + line.quantity, 0);
  }

  totals(session: Session): OrderTotals {
    return orderTotals(this.cartValue(session), this.config.pricing);
  }

  /**
   * Where the full total (shipping, tax, fees) is first shown: 0 = the cart page, i = checkout step
   * i − 1. With showTotalUpfront it is the cart; else the step with revealsTotal. When no step
   * reveals it, the last step does: a real store cannot take an order without showing its total.
   */
  get revealPosition(): number {
    if (this.config.pricing.showTotalUpfront) return 0;
    const index = this.steps.findIndex((step) => step.revealsTotal);
    return (index >= 0 ? index : this.steps.length - 1) + 1;
  }

  /** Whether the totals are shown on the page at funnel position `position` (see revealPosition). */
  totalsShownAt(position: number): boolean {
    return position >= this.revealPosition;
  }

  pageView(session: Session, step: string, path: string): void {
    this.commit({ type: "pageView", sessionId: session.id, step, path: path.slice(0, 500) });
  }

  addToCart(session: Session, productId: unknown, quantity: unknown): Product {
    const product = this.#requireProduct(productId);
    const count = parseQuantity(quantity, 1);
    const current = session.cart.get(product.id) ?? 0;
    if (current + count > MAX_QUANTITY)
      throw new StoreError(422, `invalid quantity: ${current + count} of ${product.id} (must be at most ${MAX_QUANTITY} per product)`);
    this.commit({ type: "addToCart", sessionId: session.id, productId: product.id, quantity: count });
    return product;
  }

  setQuantity(session: Session, productId: unknown, quantity: unknown): void {
    const product = this.#requireProduct(productId);
    const count = parseQuantity(quantity, 0);
    if (!session.cart.has(product.id) && count === 0) return;
    this.commit({ type: "cartUpdated", sessionId: session.id, productId: product.id, quantity: count });
  }

  step(name: string): CheckoutStep | undefined {
    return this.steps.find((step) => step.name === name);
  }

  /**
   * The path a shopper asking for checkout step `name` should see instead, or null when they may
   * see it: the cart when it is empty, else the first step not yet completed.
   */
  checkoutRedirect(session: Session, name: string | null): string | null {
    if (session.cart.size === 0 || this.cartLines(session).length === 0) return "/cart";
    const index = name === null ? this.steps.length : this.steps.findIndex((step) => step.name === name);
    const completed = session.checkout?.completed;
    const firstOpen = this.steps.findIndex((step) => !completed?.has(step.name));
    if (index < 0) return `/checkout/${encodeURIComponent(this.steps[Math.max(0, firstOpen)].name)}`;
    if (firstOpen >= 0 && firstOpen < index) return `/checkout/${encodeURIComponent(this.steps[firstOpen].name)}`;
    return null;
  }

  /** Records that the shopper reached step `name`, starting a checkout (and its order id) if needed. */
  enterStep(session: Session, name: string): string {
    const checkoutId = session.checkout?.id ?? newId("ORD");
    this.commit({ type: "checkoutStep", sessionId: session.id, checkoutId, step: name });
    return checkoutId;
  }

  /**
   * Validates and records step `name`'s form. Errors are recorded (one formError per field, the
   * friction signal the simulator models). Submitting the last step places the order; a repeated
   * submission naming an order already placed returns that order (one order per checkout).
   */
  submitStep(session: Session, name: string, body: Record<string, unknown>): StepOutcome {
    const repeated = this.#placedOrder(session, body.checkoutId);
    if (repeated) return { kind: "ordered", order: repeated };
    const step = this.step(name);
    if (!step) throw new StoreError(404, `invalid step: ${JSON.stringify(name)} (steps: ${this.steps.map((s) => s.name).join(", ")})`);
    const redirect = this.checkoutRedirect(session, name);
    if (redirect !== null) throw new StoreError(409, `invalid step: ${JSON.stringify(name)} (complete the earlier steps first: ${redirect})`);
    if (typeof body.checkoutId === "string" && body.checkoutId !== "" && session.checkout !== null && body.checkoutId !== session.checkout.id) {
      throw new StoreError(409, `invalid checkoutId: ${JSON.stringify(body.checkoutId)} (the checkout in progress is ${session.checkout.id})`);
    }
    if (!session.checkout?.reached.has(name)) this.enterStep(session, name);
    const checkoutId = session.checkout!.id;
    const now = new Date(this.#now());
    const errors: Record<string, string> = {};
    const values: Record<string, string> = {};
    for (const field of step.fields) {
      const result = validateField(field, body[field.name], now);
      values[field.name] = result.value;
      if (result.error !== null) errors[field.name] = result.error;
    }
    if (Object.keys(errors).length > 0) {
      for (const [field, message] of Object.entries(errors)) this.commit({ type: "formError", sessionId: session.id, step: name, field, message });
      return { kind: "invalid", errors, values: echoable(step.fields, values) };
    }
    this.commit({ type: "stepCompleted", sessionId: session.id, checkoutId, step: name, values: storable(step.fields, values) });
    const index = this.steps.indexOf(step);
    if (index + 1 < this.steps.length) return { kind: "next", step: this.steps[index + 1].name };
    return { kind: "ordered", order: this.#placeOrder(session) };
  }

  order(id: string): OrderPlacedEvent | undefined {
    return this.state.orders.get(id);
  }

  #placedOrder(session: Session, checkoutId: unknown): OrderPlacedEvent | null {
    if (typeof checkoutId !== "string") return null;
    const order = this.state.orders.get(checkoutId);
    return order !== undefined && order.sessionId === session.id ? order : null;
  }

  #placeOrder(session: Session): OrderPlacedEvent {
    const checkout = session.checkout!;
    const lines = this.cartLines(session);
    const totals = orderTotals(this.cartValue(session), this.config.pricing);
    const details = Object.fromEntries(checkout.completed);
    const cardLast4 =
      Object.values(details)
        .flatMap((values) => Object.values(values))
        .map((value) => /^\*{4} (\d{4})$/.exec(value)?.[1])
        .find((last4) => last4 !== undefined) ?? null;
    this.commit({
      type: "orderPlaced",
      sessionId: session.id,
      orderId: checkout.id,
      lines,
      subtotal: totals.subtotal,
      shipping: totals.shipping,
      tax: totals.tax,
      fees: totals.fees,
      total: totals.total,
      currency: this.currency,
      details,
      cardLast4,
    });
    return this.state.orders.get(checkout.id)!;
  }

  #requireProduct(productId: unknown): Product {
    const product = typeof productId === "string" ? this.#products.get(productId) : undefined;
    if (!product) throw new StoreError(404, `invalid productId: ${JSON.stringify(productId) ?? "missing"} (no such product)`);
    return product;
  }
}

function parseQuantity(value: unknown, minimum: number): number {
  const number = value === undefined || value === "" ? 1 : typeof value === "string" ? Number(value.trim()) : value;
  if (typeof number !== "number" || !Number.isInteger(number) || number < minimum || number > MAX_QUANTITY) {
    throw new StoreError(422, `invalid quantity: ${JSON.stringify(value)} (must be an integer from ${minimum} to ${MAX_QUANTITY})`);
  }
  return number;
}

/**
 * What is kept of a completed step: card numbers only as `**** 1234`, security codes and expiry
 * dates not at all (a fake payment step still follows the rule of never storing card data).
 */
function storable(fields: readonly StoreField[], values: Record<string, string>): Record<string, string> {
  const kept: Record<string, string> = {};
  for (const field of fields) {
    if (field.type === "cvc" || field.type === "expiry") continue;
    kept[field.name] = field.type === "cardNumber" && values[field.name] !== "" ? `**** ${values[field.name].slice(-4)}` : values[field.name];
  }
  return kept;
}

/** Values to put back into a form shown again with errors: never the card number or security code. */
function echoable(fields: readonly StoreField[], values: Record<string, string>): Record<string, string> {
  const kept: Record<string, string> = {};
  for (const field of fields) if (field.type !== "cvc" && field.type !== "cardNumber") kept[field.name] = values[field.name];
  return kept;
}
