import { DATA_TEST } from "../dataTestAttributes.ts";
import type { OrderPlacedEvent } from "../events/storeEvents.ts";
import { formatMoney } from "./formatMoney.ts";
import { html, type SafeHtml } from "./html.ts";

/** The thank-you page of a placed order, with every line and total as charged. */
export function confirmationPage(order: OrderPlacedEvent): SafeHtml {
  const money = (amount: number) => formatMoney(amount, order.currency);
  return html`<section class="panel narrow confirmation" data-test="${DATA_TEST.orderConfirmation}">
  <p class="check" aria-hidden="true">✓</p>
  <h1>Thank you for your order</h1>
  <p>Order number <strong data-test="${DATA_TEST.orderId}">${order.orderId}</strong></p>
  <ul class="summary-lines">
    ${order.lines.map((line) => html`<li data-test="${DATA_TEST.summaryLine}" data-product-id="${line.productId}"><span>${line.name} <span class="muted">× ${line.quantity}</span></span><span>${money(line.lineTotal)}</span></li>`)}
  </ul>
  <dl class="totals">
    <div><dt>Subtotal</dt><dd data-test="${DATA_TEST.cartSubtotal}">${money(order.subtotal)}</dd></div>
    <div><dt>Shipping</dt><dd data-test="${DATA_TEST.shipping}">${order.shipping === 0 ? "Free" : money(order.shipping)}</dd></div>
    <div><dt>Tax</dt><dd data-test="${DATA_TEST.tax}">${money(order.tax)}</dd></div>
    ${order.fees > 0 && html`<div><dt>Service fee</dt><dd data-test="${DATA_TEST.fees}">${money(order.fees)}</dd></div>`}
    <div class="grand-total"><dt>Total paid</dt><dd data-test="${DATA_TEST.orderTotal}">${money(order.total)}</dd></div>
  </dl>
  ${order.cardLast4 !== null && html`<p class="muted">Paid with the card ending in ${order.cardLast4} (demo: nothing was charged).</p>`}
  <p><a class="button primary" href="/" data-test="${DATA_TEST.continueShopping}">Continue shopping</a></p>
</section>`;
}
