// Server-rendered pages of the store; every one escapes scenario and user text through `html`.

export { layout, errorContent, STORE_BRAND, type PageFrame } from "./layout.ts";
export { productListPage } from "./productListPage.ts";
export { productPage } from "./productPage.ts";
export { cartPage } from "./cartPage.ts";
export { checkoutPage, type CheckoutPageInput } from "./checkoutPage.ts";
export { confirmationPage } from "./confirmationPage.ts";
export { orderSummary, type SummaryInput } from "./orderSummary.ts";
export { agentConsolePage, agentSignInPage } from "./agentPages.ts";
export { humanize } from "./humanize.ts";
