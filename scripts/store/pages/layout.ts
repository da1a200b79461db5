import { DATA_TEST } from "../dataTestAttributes.ts";
import { nonFiniteReplacer } from "../events/nonFiniteJson.ts";
import { BOOTSTRAP_ELEMENT_ID, WIDGET_ELEMENT_ID, type WidgetBootstrap } from "../widget/WidgetBootstrap.ts";
import { CSRF_META_NAME } from "../widget/widgetApi.ts";
import { html, jsonScript, type SafeHtml } from "./html.ts";

/** Brand shown in the header; the scenario's name appears in the demo banner. */
export const STORE_BRAND = "Fernhill & Co.";

/** What every store page shares. */
export interface PageFrame {
  /** CSRF token for the page's scripts (widget), in `<meta name="csrf-token">`; null on pages that post nothing. */
  csrfToken: string | null;
  /** Shown in the title bar. */
  title: string;
  /** The page's step name (data-page), e.g. "browse", "payment". */
  page: string;
  cartCount: number;
  scenarioName: string;
  policyName: string;
  /** Page data for the chat widget, or null for pages without it. */
  widget: WidgetBootstrap | null;
}

/**
 * The page shell: header with the cart link, a demo banner naming the scenario, the page content,
 * and the chat widget (its root element, its bootstrap data and the bundled script). All assets are
 * served by the store itself; nothing loads from another host.
 */
export function layout(frame: PageFrame, content: SafeHtml): SafeHtml {
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${frame.title} · ${STORE_BRAND}</title>
<link rel="icon" href="/assets/favicon.svg" type="image/svg+xml">
<link rel="stylesheet" href="/assets/store.css">
${frame.csrfToken !== null && csrfMeta(frame.csrfToken)}
</head>
<body data-page="${frame.page}">
<div class="demo-banner" data-test="${DATA_TEST.demoBanner}">Demo store · scenario <strong>${frame.scenarioName}</strong> · chat policy <strong>${frame.policyName}</strong> · no real orders or payments</div>
<header class="site-header">
  <div class="wrap header-row">
    <a class="brand" href="/" data-test="${DATA_TEST.storeHome}"><span class="brand-mark" aria-hidden="true"></span>${STORE_BRAND}</a>
    <nav class="site-nav">
      <a href="/">Shop</a>
      <a class="cart-link" href="/cart" data-test="${DATA_TEST.cartLink}">Cart <span class="badge" data-test="${DATA_TEST.cartCount}">${frame.cartCount}</span></a>
    </nav>
  </div>
</header>
<main class="wrap page" data-test="${DATA_TEST.page}" data-page="${frame.page}">
${content}
</main>
<footer class="site-footer"><div class="wrap">Free returns within 30 days · Secure checkout · Questions? Use the chat in the corner.</div></footer>
${
  frame.widget &&
  html`<div id="${WIDGET_ELEMENT_ID}" class="cs-chat" data-test="${DATA_TEST.chatWidget}"></div>
${jsonScript(BOOTSTRAP_ELEMENT_ID, frame.widget, nonFiniteReplacer)}
<script src="/assets/widget.js" defer></script>`
}
</body>
</html>
`;
}

/** The CSRF token for scripts on the page (the widget and console read it into the x-csrf-token header). */
export function csrfMeta(token: string): SafeHtml {
  return html`<meta name="${CSRF_META_NAME}" content="${token}">`;
}

/** A page that only says something went wrong (404, 409, ...), with a way back. */
export function errorContent(heading: string, message: string): SafeHtml {
  return html`<section class="panel narrow">
  <h1>${heading}</h1>
  <p class="muted" data-test="${DATA_TEST.errorMessage}">${message}</p>
  <p><a class="button" href="/">Back to the shop</a></p>
</section>`;
}
