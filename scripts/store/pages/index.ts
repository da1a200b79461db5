// Server-rendered pages of the store; every one escapes scenario and user text through `html`.

export { agentConsolePage, agentSignInPage } from "./agentPages.ts";
export { cartPage } from "./cartPage.ts";
export { type CheckoutPageInput, checkoutPage } from "./checkoutPage.ts";
export { confirmationPage } from "./confirmationPage.ts";
export { humanize } from "./humanize.ts";
export { errorContent, layout, type PageFrame, STORE_BRAND } from "./layout.ts";
export { orderSummary, type SummaryInput } from "./orderSummary.ts";
export { productListPage } from "./productListPage.ts";
export { productPage } from "./productPage.ts";
