import { DATA_TEST } from "../dataTestAttributes.ts";
import type { Product } from "../shop/StoreService.ts";
import { formatMoney } from "./formatMoney.ts";
import { html, type SafeHtml } from "./html.ts";

/** The shop's front page: every product of the scenario's catalog as a card. */
export function productListPage(products: readonly Product[], currency: string, freeShippingFrom: number | null): SafeHtml {
  return html`<section class="hero">
  <h1>Shop the collection</h1>
  <p class="muted">Everyday goods, made to last.${freeShippingFrom !== null && ` Free shipping on orders of ${formatMoney(freeShippingFrom, currency)} or more.`}</p>
</section>
<ul class="product-grid" data-test="${DATA_TEST.productList}">
  ${products.map(
    (product) => html`<li class="product-card" data-test="${DATA_TEST.productCard}" data-product-id="${product.id}">
    <a href="/products/${product.id}" data-test="${DATA_TEST.productLink}">
      <img src="/images/products/${product.id}.svg" alt="" width="400" height="300">
      <span class="product-card-body">
        <span class="product-name" data-test="${DATA_TEST.productName}">${product.name}</span>
        <span class="price" data-test="${DATA_TEST.productPrice}">${formatMoney(product.price, currency)}</span>
      </span>
    </a>
  </li>`,
  )}
</ul>`;
}
