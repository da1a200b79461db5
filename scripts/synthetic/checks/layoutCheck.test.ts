import { describe, expect, it } from "vitest";
import { observationsOf } from "../testing/observations.ts";
import { layoutCheck } from "./layoutCheck.ts";

const observed = (layout: ReturnType<typeof observationsOf>["layout"]) => ({
  ...observationsOf([{ step: "cart", readyAt: 0, endAt: 1 }]),
  layout,
  shotIndex: { "layout:1": "shot3" },
});

describe("layoutCheck", () => {
  it("layoutCheck is skipped with 'no chat on this store' without a widget, and when the profile names none", () => {
    expect(layoutCheck(observed([]), false, false)).toMatchObject({ status: "skipped", reason: "no chat on this store" });
    expect(layoutCheck(observed([]), true, false)).toMatchObject({ status: "skipped", reason: "the profile names no chat.widget to look for" });
  });

  it("layoutCheck fails on a covered control before a reopened panel, with the screenshot of the covered one", () => {
    const findings = [
      { step: "product", target: "panel", coveredBy: null, reopened: true },
      { step: "cart", target: "checkout (#checkout)", coveredBy: 'section#chat-panel "Hi!"' },
      { step: "cart", target: "total (.sum-total)", coveredBy: null },
    ];
    const verdict = layoutCheck(observed(findings), true, true);
    expect(verdict).toMatchObject({
      status: "failed",
      shot: "shot3",
      reason: 'cart: the chat widget section#chat-panel "Hi!" covers checkout (#checkout) (+1 more)',
    });
    expect(verdict.evidence).toContain("product: the chat panel opened again after the shopper closed it");
    expect(verdict.evidence).toContain("cart: total (.sum-total) clear ✓");
    expect(layoutCheck(observed([findings[2]]), true, true)).toMatchObject({
      status: "passed",
      reason: "the chat widget covered none of 1 control and totals looked at",
    });
  });
});
