import { DATA_TEST } from "../dataTestAttributes.ts";
import { MAX_QUANTITY } from "../shop/StoreService.ts";
import { formatMoney } from "./formatMoney.ts";
import { html, type SafeHtml } from "./html.ts";
import { orderSummary, type SummaryInput } from "./orderSummary.ts";

/** The cart: lines with quantity and remove forms, the summary, and the way into checkout. */
export function cartPage(summary: SummaryInput, error: string | null, csrf: SafeHtml): SafeHtml {
  const money = (amount: number) => formatMoney(amount, summary.currency);
  if (summary.lines.length === 0) {
    return html`<h1>Your cart</h1>
<section class="panel narrow" data-test="${DATA_TEST.cartEmpty}">
  <p>Your cart is empty.</p>
  <p><a class="button primary" href="/" data-test="${DATA_TEST.continueShopping}">Continue shopping</a></p>
</section>`;
  }
  return html`<h1>Your cart</h1>
${error !== null && html`<p class="alert" role="alert" data-test="${DATA_TEST.errorMessage}">${error}</p>`}
<div class="two-column">
  <section class="panel">
    <ul class="cart-lines">
      ${summary.lines.map(
        (line) => html`<li class="cart-line" data-test="${DATA_TEST.cartLine}" data-product-id="${line.productId}">
        <img src="/images/products/${line.productId}.svg" alt="" width="96" height="72">
        <div class="cart-line-main">
          <a href="/products/${line.productId}" data-test="${DATA_TEST.cartLineName}">${line.name}</a>
          <span class="muted">${money(line.unitPrice)} each</span>
          <form class="inline" method="post" action="/cart/update">
            ${csrf}
            <input type="hidden" name="productId" value="${line.productId}">
            <label class="sr-only" for="qty-${line.productId}">Quantity</label>
            <input id="qty-${line.productId}" type="number" name="quantity" value="${line.quantity}" min="0" max="${MAX_QUANTITY}" inputmode="numeric" data-test="${DATA_TEST.cartLineQuantity}">
            <button class="button small" type="submit" data-test="${DATA_TEST.cartUpdate}">Update</button>
          </form>
          <form class="inline" method="post" action="/cart/update">
            ${csrf}
            <input type="hidden" name="productId" value="${line.productId}">
            <input type="hidden" name="quantity" value="0">
            <button class="link-button" type="submit" data-test="${DATA_TEST.cartRemove}">Remove</button>
          </form>
        </div>
        <span class="cart-line-total" data-test="${DATA_TEST.cartLineTotal}">${money(line.lineTotal)}</span>
      </li>`,
      )}
    </ul>
  </section>
  <div>
    ${orderSummary(summary)}
    <a class="button primary block" href="/checkout" data-test="${DATA_TEST.checkoutStart}">Checkout</a>
    <p class="center"><a href="/" data-test="${DATA_TEST.continueShopping}">Continue shopping</a></p>
  </div>
</div>`;
}
