import type { PersonaFormError, PersonaSpec } from "../persona/PersonaSpec.ts";

/**
 * Virtual seconds a shopper spends on a page before the next action when the persona's plan has no
 * pause there: an assumption (plausible 2–20 s) that only matters to policies reading idle time or
 * time on site within a few seconds; the live run and the prediction use the same value.
 */
export const ACTION_SECONDS = 3;

/** One page of a persona's walk through the demo store. */
export interface PlannedPage {
  /** browse, product, cart, a checkout step, or confirmation (the policy's step signal). */
  step: string;
  /** What to GET (confirmation: the order's page, known once it is placed). */
  path: string;
  /** A product put in the cart from this page (after its idle time). */
  add: { productId: string; unitPrice: number; quantity: number } | null;
  /** Idle seconds on the page before acting (a planned pause, the linger before leaving, else ACTION_SECONDS). */
  idleSeconds: number;
  /** The shopper leaves here, after `idleSeconds`. */
  leaves: boolean;
  /** Shows exit intent when leaving (the pointer out through the top on desktop, the back button elsewhere). */
  exitIntent: boolean;
  /** Deliberate wrong entries submitted (together, once) before the right ones, on a checkout step. */
  formErrors: PersonaFormError[];
}

/** A catalog product as the store lists it. */
export interface CatalogProduct {
  id: string;
  price: number;
}

/**
 * The pages a persona visits, in order, as the browser persona walks them (runPersona): the list,
 * each product browsed and back to the list, for each item its product page and the cart it lands on
 * (then the list again for the next item, until the cart reaches the target value), the checkout
 * steps and the confirmation; it stops at the plan's leave step after lingering. A pause is taken on
 * the first page of its step (the cart's on the last cart page). Pure: the live run and the prediction walk the same list.
 */
export function visitPlan(spec: PersonaSpec, products: readonly CatalogProduct[], checkoutSteps: readonly string[]): PlannedPage[] {
  const pauses = new Map(spec.pauses.map((pause) => [pause.step, pause.seconds]));
  const pages: PlannedPage[] = [];
  const visit = (step: string, path: string, add: PlannedPage["add"] = null, pauseHere = true): PlannedPage => {
    const pause = pauseHere ? pauses.get(step) : undefined;
    if (pauseHere) pauses.delete(step);
    const page: PlannedPage = { step, path, add, idleSeconds: pause ?? ACTION_SECONDS, leaves: false, exitIntent: false, formErrors: [] };
    pages.push(page);
    return page;
  };
  const choose = (pick: number) => products[Math.min(products.length - 1, Math.floor(pick * products.length))];
  const leaveAt = (page: PlannedPage): boolean => {
    if (spec.leave === null || spec.leave.step !== page.step) return false;
    Object.assign(page, { leaves: true, idleSeconds: spec.leave.lingerSeconds, exitIntent: spec.leave.exitIntent });
    return true;
  };

  visit("browse", "/");
  for (const pick of spec.browsePicks) {
    visit("product", `/products/${encodeURIComponent(choose(pick).id)}`);
    visit("browse", "/");
  }
  let subtotal = 0;
  let cart: PlannedPage | null = null;
  for (const [index, item] of spec.items.entries()) {
    if (index > 0 && subtotal >= spec.targetCartValue) break;
    if (index > 0) visit("browse", "/");
    const product = choose(item.pick);
    visit("product", `/products/${encodeURIComponent(product.id)}`, { productId: product.id, unitPrice: product.price, quantity: item.quantity });
    subtotal += product.price * item.quantity;
    // The cart's pause comes once the last item is in (as the browser persona takes it).
    cart = visit("cart", "/cart", null, false);
  }
  cart!.idleSeconds = pauses.get("cart") ?? ACTION_SECONDS;
  if (leaveAt(cart!)) return pages;
  for (const step of checkoutSteps) {
    const page = visit(step, `/checkout/${encodeURIComponent(step)}`);
    if (leaveAt(page)) return pages;
    page.formErrors = spec.formErrors.filter((error) => error.step === step);
  }
  visit("confirmation", "/orders/");
  return pages;
}
