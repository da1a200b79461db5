import { DATA_TEST } from "../dataTestAttributes.ts";
import type { OrderLine } from "../events/storeEvents.ts";
import type { OrderTotals } from "../shop/orderTotals.ts";
import { formatMoney } from "./formatMoney.ts";
import { html, type SafeHtml } from "./html.ts";

export interface SummaryInput {
  lines: readonly OrderLine[];
  totals: OrderTotals;
  currency: string;
  /** Whether shipping, tax, fees and the total are shown (at or after the sticker-shock point). */
  showTotals: boolean;
  /** Where the totals will appear, e.g. "the Shipping step", when they are not shown yet. */
  revealedAt: string;
  heading?: string;
}

/**
 * The order summary box. Before the sticker-shock point it shows only the subtotal and says where
 * the rest will appear, as stores that hide costs do; from that point on it shows every line.
 */
export function orderSummary(input: SummaryInput): SafeHtml {
  const { totals, currency } = input;
  const money = (amount: number) => formatMoney(amount, currency);
  return html`<aside class="panel summary" data-test="${DATA_TEST.orderSummary}" data-totals="${input.showTotals ? "shown" : "hidden"}">
  <h2>${input.heading ?? "Order summary"}</h2>
  <ul class="summary-lines">
    ${input.lines.map((line) => html`<li data-test="${DATA_TEST.summaryLine}" data-product-id="${line.productId}"><span>${line.name} <span class="muted">× ${line.quantity}</span></span><span>${money(line.lineTotal)}</span></li>`)}
  </ul>
  <dl class="totals">
    <div><dt>Subtotal</dt><dd data-test="${DATA_TEST.cartSubtotal}">${money(totals.subtotal)}</dd></div>
    ${
      input.showTotals
        ? html`<div><dt>Shipping</dt><dd data-test="${DATA_TEST.shipping}">${totals.shipping === 0 ? "Free" : money(totals.shipping)}</dd></div>
    <div><dt>Tax</dt><dd data-test="${DATA_TEST.tax}">${money(totals.tax)}</dd></div>
    ${totals.fees > 0 && html`<div><dt>Service fee</dt><dd data-test="${DATA_TEST.fees}">${money(totals.fees)}</dd></div>`}
    <div class="grand-total"><dt>Total</dt><dd data-test="${DATA_TEST.total}">${money(totals.total)}</dd></div>`
        : html`<p class="note" data-test="${DATA_TEST.totalsNote}">Shipping, taxes and fees are calculated at ${input.revealedAt}.</p>`
    }
  </dl>
  ${totals.toFreeShipping !== null && totals.toFreeShipping > 0 && html`<p class="note free-shipping" data-test="${DATA_TEST.freeShippingNote}">Add ${money(totals.toFreeShipping)} more for free shipping.</p>`}
</aside>`;
}
