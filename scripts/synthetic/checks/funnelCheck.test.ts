import { describe, expect, it } from "vitest";
import { observationsOf } from "../testing/observations.ts";
import { funnelCheck } from "./funnelCheck.ts";

const pages = () =>
  observationsOf([
    { step: "browse", readyAt: 0, endAt: 1 },
    { step: "cart", readyAt: 2, endAt: 3 },
  ]);

describe("funnelCheck", () => {
  it("funnelCheck passes a persona that got where its script goes without page problems", () => {
    expect(funnelCheck(pages())).toMatchObject({ status: "passed", reason: "order placed; 2 pages without errors", evidence: ["reached: browse → cart"] });
  });

  it("funnelCheck fails on the step failure first, else on a wrong page, a failed request, then a script error; a stack is evidence only", () => {
    const failed = pages();
    failed.failure = { step: "shipping", reason: "shipping: #next not found within 5 s", attempts: 2, screenshot: "shot0" };
    expect(funnelCheck(failed)).toMatchObject({ status: "failed", reason: "shipping: #next not found within 5 s", attempts: 2, shot: "shot0" });
    const noisy = pages();
    noisy.problems = [
      { step: "cart", kind: "console", text: "TypeError: x is undefined" },
      { step: "cart", kind: "request", text: "GET /a.js answered 404" },
    ];
    expect(funnelCheck(noisy)).toMatchObject({ status: "failed", reason: "cart: failed request: GET /a.js answered 404 (+1 more)" });
    noisy.problems = [{ step: "cart", kind: "pageError", text: "x is undefined", detail: "at a (app.min.js:1:99)" }];
    const scriptError = funnelCheck(noisy);
    expect(scriptError.reason).toBe("cart: page error: x is undefined");
    expect(scriptError.evidence).toContain("cart: page error: x is undefined (at a (app.min.js:1:99))");
    noisy.problems.push({ step: "product", kind: "content", text: 'clicked "Tea" on the list, but the product page shows "Kettle"' });
    expect(funnelCheck(noisy).reason).toBe('product: wrong page: clicked "Tea" on the list, but the product page shows "Kettle" (+1 more)');
  });

  it("funnelCheck reports a step that needed a retry as flaky, with the first attempt's reason", () => {
    const retried = pages();
    retried.visits[1] = { ...retried.visits[1], attempts: 2, retryReasons: ["attempt 1: cart: /cart answered HTTP 503"] };
    expect(funnelCheck(retried)).toMatchObject({ status: "flaky", reason: "order placed, but cart needed a retry", attempts: 2 });
    expect(funnelCheck(retried).evidence).toContain("cart: passed on attempt 2 (attempt 1: cart: /cart answered HTTP 503)");
  });
});
