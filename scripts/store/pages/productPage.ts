import { DATA_TEST } from "../dataTestAttributes.ts";
import { MAX_QUANTITY, type Product } from "../shop/StoreService.ts";
import { formatMoney } from "./formatMoney.ts";
import { html, type SafeHtml } from "./html.ts";

/** One product with its description and the add-to-cart form (a plain POST, works without scripts). */
export function productPage(product: Product, currency: string, freeShippingFrom: number | null, error: string | null, csrf: SafeHtml): SafeHtml {
  return html`<nav class="crumbs"><a href="/">Shop</a> / <span>${product.name}</span></nav>
<article class="product-detail" data-test="${DATA_TEST.productDetail}" data-product-id="${product.id}">
  <img class="product-image" src="/images/products/${product.id}.svg" alt="" width="400" height="300">
  <div class="product-info">
    <h1 data-test="${DATA_TEST.productName}">${product.name}</h1>
    <p class="price large" data-test="${DATA_TEST.productPrice}">${formatMoney(product.price, currency)}</p>
    <p data-test="${DATA_TEST.productDescription}">${product.description}</p>
    ${error !== null && html`<p class="alert" role="alert" data-test="${DATA_TEST.errorMessage}">${error}</p>`}
    <form class="add-form" method="post" action="/cart/add">
      ${csrf}
      <input type="hidden" name="productId" value="${product.id}">
      <label>Quantity <input type="number" name="quantity" value="1" min="1" max="${MAX_QUANTITY}" inputmode="numeric" data-test="${DATA_TEST.quantity}"></label>
      <button class="button primary" type="submit" data-test="${DATA_TEST.addToCart}">Add to cart</button>
    </form>
    <ul class="perks">
      ${freeShippingFrom !== null && html`<li>Free shipping from ${formatMoney(freeShippingFrom, currency)}</li>`}
      <li>Free returns within 30 days</li>
    </ul>
  </div>
</article>`;
}
