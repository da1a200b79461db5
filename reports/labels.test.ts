import { describe, expect, it } from "vitest";
import { ABANDONMENT_REASONS } from "../sim/model/index.ts";
import { capitalize, NON_CHECKOUT_REASONS, reasonLabel, stepLabel } from "./labels.ts";

describe("labels", () => {
  it("reasonLabel names every model reason and shows unknown keys as written", () => {
    for (const reason of ABANDONMENT_REASONS) expect(reasonLabel(reason)).not.toBe(reason);
    expect([reasonLabel("extraCostsTooHigh"), reasonLabel("toString"), reasonLabel("<b>x</b>")]).toEqual(["Extra costs too high", "toString", "<b>x</b>"]);
    expect([...NON_CHECKOUT_REASONS].sort()).toEqual(["annoyedByChat", "justBrowsing"]);
  });

  it("stepLabel and capitalize upper-case the first letter only", () => {
    expect([stepLabel("payment"), capitalize("mean wait (answered)"), capitalize("")]).toEqual(["Payment", "Mean wait (answered)", ""]);
  });
});
