// A small "third-party" shop for tests, shaped nothing like the demo store: a login wall, add-to-
// cart buttons on the product list (no product pages), prices in euros with decimal commas, a
// basket page, a three-step checkout whose last step is a separate totals page, a thank-you page,
// no chat widget, class/id selectors only, and a web font and a tracker from other origins (which
// a synthetic run must block, not wait for). Its profile (fixture-shop.yaml) proves that a
// profile drives such a store with selectors and values alone.

import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { roundMoney } from "../../../sim/model/index.ts";
import { type LoopbackServer, listenOnLoopback } from "./loopback.ts";

/** The shop's catalog: euro prices. */
export const FIXTURE_PRODUCTS = [
  { id: "teapot", name: "Teapot", price: 24 },
  { id: "kettle", name: "Kettle", price: 39.9 },
  { id: "cups", name: "Cups (set of 4)", price: 12.5 },
] as const;
/** 20% VAT on the subtotal, shipping 4,90 below 50 €. */
export const FIXTURE_RULES = { taxRate: 0.2, shippingFee: 4.9, freeShippingThreshold: 50 };

interface Basket {
  lines: Map<string, number>;
  address: Record<string, string> | null;
  delivery: string | null;
}

/** A running fixture shop. */
export type FixtureShop = LoopbackServer;

const euro = (amount: number): string => `${amount.toFixed(2).replace(".", ",")} €`;
const escapeText = (text: string): string => text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

/** Starts the shop on a free loopback port. */
export async function startFixtureShop(): Promise<FixtureShop> {
  const sessions = new Map<string, Basket>();
  let orders = 0;
  const server: Server = createServer((request, response) => {
    void handle(request, response).catch((error: unknown) => {
      response.writeHead(500, { "content-type": "text/plain" });
      response.end(String(error));
    });
  });

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? "/", "http://shop");
    const form = request.method === "POST" ? new URLSearchParams(await body(request)) : new URLSearchParams();
    const sid = /(?:^|;\s*)sid=([^;]+)/.exec(request.headers.cookie ?? "")?.[1];
    const basket = sid === undefined ? undefined : sessions.get(sid);
    const page = (status: number, title: string, content: string) => {
      response.writeHead(status, { "content-type": "text/html; charset=utf-8" });
      response.end(
        `<!doctype html><html lang="de"><head><meta charset="utf-8"><title>${title}</title><link rel="stylesheet" href="https://fonts.googleapis.com/css2?family=Inter"><script src="http://tracker.example.com/t.js" async></script></head><body><header><a href="/shop">Kitchen Things</a> <a id="basket-link" href="/basket">Basket</a></header><main>${content}</main></body></html>`,
      );
    };
    const redirect = (location: string, cookie?: string) => {
      response.writeHead(303, { location, ...(cookie ? { "set-cookie": cookie } : {}) });
      response.end();
    };

    if (url.pathname === "/login") {
      if (request.method === "POST") {
        if (form.get("username") !== "tester" || form.get("password") !== "s3cret") {
          return page(401, "Sign in", `<p class="login-error">Wrong user name or password</p>${loginForm()}`);
        }
        const id = Math.random().toString(36).slice(2);
        sessions.set(id, { lines: new Map(), address: null, delivery: null });
        return redirect("/shop", `sid=${id}; Path=/; HttpOnly`);
      }
      return page(200, "Sign in", loginForm());
    }
    if (basket === undefined) return redirect("/login");

    if (url.pathname === "/shop") {
      const items = FIXTURE_PRODUCTS.map(
        (
          product,
        ) => `<li class="item" data-sku="${product.id}"><span class="item-title">${escapeText(product.name)}</span> <span class="item-price">${euro(product.price)}</span>
<form method="post" action="/basket/add"><input type="hidden" name="sku" value="${product.id}"><button class="add" type="submit">In den Korb</button></form></li>`,
      );
      return page(200, "Shop", `${url.searchParams.has("added") ? `<p class="flash">Added to your basket</p>` : ""}<ul class="items">${items.join("")}</ul>`);
    }
    if (url.pathname === "/basket/add" && request.method === "POST") {
      const sku = form.get("sku") ?? "";
      if (FIXTURE_PRODUCTS.some((product) => product.id === sku)) basket.lines.set(sku, (basket.lines.get(sku) ?? 0) + 1);
      return redirect("/shop?added=1");
    }
    const subtotal = [...basket.lines].reduce((sum, [sku, quantity]) => sum + FIXTURE_PRODUCTS.find((product) => product.id === sku)!.price * quantity, 0);
    const rows = [...basket.lines].map(([sku, quantity]) => {
      const product = FIXTURE_PRODUCTS.find((candidate) => candidate.id === sku)!;
      return `<tr class="basket-row" data-sku="${sku}"><td class="row-name">${escapeText(product.name)}</td><td class="row-qty">${quantity}</td><td class="row-total">${euro(product.price * quantity)}</td></tr>`;
    });
    if (url.pathname === "/basket") {
      return page(
        200,
        "Basket",
        `<table class="basket">${rows.join("")}</table><p>Subtotal <span class="basket-subtotal">${euro(subtotal)}</span></p><a id="to-checkout" href="/checkout/address">Checkout</a>`,
      );
    }
    if (url.pathname === "/checkout/address") {
      const values = request.method === "POST" ? Object.fromEntries(form) : (basket.address ?? {});
      const errors: Record<string, string> = {};
      if (request.method === "POST") {
        if (!values.name) errors.name = "Please enter your name";
        if (!/^\d{5}$/.test(values.zip ?? "")) errors.zip = "Postcode must have 5 digits";
        if (!/^[^@\s]+@[^@\s]+\.[a-z]{2,}$/i.test(values.email ?? "")) errors.email = "Invalid e-mail";
        if (Object.keys(errors).length === 0) {
          basket.address = values;
          return redirect("/checkout/delivery");
        }
      }
      const input = (name: string) =>
        `<label>${name} <input id="${name}" name="${name}" value="${escapeText(values[name] ?? "")}"></label>${errors[name] ? `<span class="field-error" data-for="${name}">${errors[name]}</span>` : ""}`;
      return page(
        Object.keys(errors).length > 0 ? 400 : 200,
        "Address",
        `<form id="address-form" method="post" novalidate>${Object.keys(errors).length > 0 ? `<div class="errors">Please check your entries</div>` : ""}${["name", "street", "zip", "email"].map(input).join("")}<button id="next" type="submit">Weiter</button></form>`,
      );
    }
    if (url.pathname === "/checkout/delivery") {
      if (basket.address === null) return redirect("/checkout/address");
      if (request.method === "POST") {
        basket.delivery = form.get("speed") ?? "standard";
        return redirect("/checkout/summary");
      }
      return page(
        200,
        "Delivery",
        `<form id="delivery-form" method="post"><label><input type="radio" name="speed" value="standard" id="speed-standard"> Standard</label><label><input type="radio" name="speed" value="express" id="speed-express"> Express</label><button id="next" type="submit">Weiter</button></form>`,
      );
    }
    const shipping = subtotal >= FIXTURE_RULES.freeShippingThreshold ? 0 : FIXTURE_RULES.shippingFee;
    const vat = roundMoney(subtotal * FIXTURE_RULES.taxRate);
    const total = roundMoney(subtotal + shipping + vat);
    if (url.pathname === "/checkout/summary") {
      if (basket.delivery === null) return redirect("/checkout/delivery");
      if (request.method === "POST") {
        orders++;
        const id = `K-${1000 + orders}`;
        basket.lines.clear();
        basket.address = null;
        basket.delivery = null;
        return redirect(`/done/${id}?total=${total}`);
      }
      return page(
        200,
        "Summary",
        `<section id="summary"><table>${rows.join("")}</table><dl><dt>Subtotal</dt><dd id="sum-subtotal">${euro(subtotal)}</dd><dt>Shipping</dt><dd id="sum-shipping">${shipping === 0 ? "Gratis" : euro(shipping)}</dd><dt>VAT</dt><dd id="sum-vat">${euro(vat)}</dd><dt>Total</dt><dd id="sum-total">${euro(total)}</dd></dl></section><form method="post"><button id="confirm" type="submit">Kaufen</button></form>`,
      );
    }
    if (url.pathname.startsWith("/done/")) {
      return page(
        200,
        "Thanks",
        `<div class="thanks"><h1>Danke!</h1><p>Order <b id="order-no">${escapeText(url.pathname.slice(6))}</b>, paid <b id="paid">${euro(Number(url.searchParams.get("total")))}</b></p></div>`,
      );
    }
    return page(404, "Not found", "<p>Not found</p>");
  }

  return listenOnLoopback(server);
}

function loginForm(): string {
  return `<form id="login" method="post" action="/login"><input id="username" name="username"><input id="password" name="password" type="password"><button id="sign-in" type="submit">Anmelden</button></form>`;
}

function body(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = "";
    request.setEncoding("utf8");
    request.on("data", (chunk: string) => (text += chunk));
    request.on("end", () => resolve(text));
    request.on("error", reject);
  });
}
