import { describe, expect, it } from "vitest";
import { parseFunnelCsv } from "./funnelCsv.ts";
import { observedFunnel } from "./observedFunnel.ts";

const STEPS = ["browse", "cart", "account", "payment"];
const csv = (...lines: string[]) => parseFunnelCsv(["kind,step,reason,interval,count", ...lines].join("\n"));
const problemsOf = (run: () => unknown): readonly string[] => {
  try {
    run();
  } catch (error) {
    return (error as { problems: readonly string[] }).problems;
  }
  return [];
};

describe("observedFunnel", () => {
  it("observedFunnel(rows, steps) reads reached and continued per step, browse from sessions, the last from orders", () => {
    const observed = observedFunnel(csv("sessions,,,,1000", "reached,cart,,,80", "reached,account,,,50", "reached,payment,,,40", "orders,,,,30"), STEPS);
    expect(observed.steps.map(({ step, reached, continued, reasons }) => [step, reached, continued, reasons])).toEqual([
      ["browse", 1000, 80, null],
      ["cart", 80, 50, null],
      ["account", 50, 40, null],
      ["payment", 40, 30, null],
    ]);
  });

  it("observedFunnel(...) takes reasons per step, derives continued from abandonments, sums interval rows and ignores product", () => {
    const observed = observedFunnel(
      csv(
        "sessions,,,0,600",
        "sessions,,,1,400",
        "reached,product,,,700",
        "reached,cart,,,80",
        "abandoned,cart,justBrowsing,,20",
        "abandoned,cart,totalNotVisibleUpfront,,5",
        "reached,account,,,50",
        "chatRequests,,,,9",
      ),
      STEPS,
    );
    expect(observed.steps[0]).toMatchObject({ step: "browse", reached: 1000, continued: 80 });
    expect(observed.steps[1]).toMatchObject({ step: "cart", reached: 80, continued: 50, reasons: { justBrowsing: 20, totalNotVisibleUpfront: 5 } });
    // account has neither the next step's count, orders nor abandonments: not fitted, said so.
    expect(observed.steps).toHaveLength(2);
    expect(observed.chat).toMatchObject({ chatRequests: 9, sessions: 1000, invitationsShown: null });
    expect(observed.notes).toEqual([
      '"reached product" is read but not fitted: the simulated funnel has no product step',
      "step account is not fitted: it has a reached count but neither the next step's reached count, the orders nor its abandonments",
    ]);
  });

  it("observedFunnel(...) rejects chat counts that cannot be: more accepted than shown, more orders with chat than sessions with chat, served + abandoned above requests", () => {
    const read =
      (...lines: string[]) =>
      () =>
        observedFunnel(csv("sessions,,,,1000", "reached,cart,,,80", ...lines), STEPS);
    expect(read("invitations,,,,100", "invitationsAccepted,,,,120", "chatRequests,,,,130")).toThrow(
      /^invalid funnel CSV counts: 120 invitations accepted but only 100 shown \(invitations accepted cannot exceed shown\)$/,
    );
    expect(read("sessionsWithChat,,,,10", "ordersWithChat,,,,11")).toThrow(/^invalid funnel CSV counts: 11 orders with chat but only 10 sessions with chat/);
    expect(read("chatRequests,,,,10", "chatsServed,,,,8", "chatsAbandoned,,,,3")).toThrow(
      /^invalid funnel CSV counts: 8 chats served and 3 abandoned but only 10 chat requests/,
    );
    expect(read("holdoutSessions,,,,1001")).toThrow(/^invalid funnel CSV counts: 1001 holdout sessions but only 1000 sessions/);
  });

  it("observedFunnel(...) prefers whole-period rows over interval rows of the same count", () => {
    const observed = observedFunnel(csv("sessions,,,0,5", "sessions,,,,900", "reached,cart,,,70"), STEPS);
    expect(observed.steps[0].reached).toBe(900);
  });

  it("observedFunnel(...) lists unknown steps and reasons and duplicate rows", () => {
    expect(
      problemsOf(() => observedFunnel(csv("sessions,,,,10", "reached,paymnet,,,3", "abandoned,cart,bored,,2", "sessions,,,,11"), STEPS, "obs.csv")),
    ).toEqual([
      'invalid obs.csv row 2 step: "paymnet" (steps of this scenario: browse, cart, account, payment, product)',
      'invalid obs.csv row 3 reason: "bored" (allowed: justBrowsing, extraCostsTooHigh, accountRequired, didNotTrustCardDetails, deliveryTooSlow, checkoutTooLongOrComplicated, totalNotVisibleUpfront, returnsPolicy, websiteErrors, tooFewPaymentMethods, cardDeclined, annoyedByChat)',
      "invalid obs.csv row 4: a second sessions row (each count may appear once)",
    ]);
  });

  it("observedFunnel(...) rejects counts that cannot be: more continuing than reaching, reasons beyond the abandonments", () => {
    expect(
      problemsOf(() =>
        observedFunnel(
          csv("sessions,,,,100", "reached,cart,,,120", "reached,account,,,30", "abandoned,account,accountRequired,,40", "reached,payment,,,10"),
          STEPS,
          "obs.csv",
        ),
      ),
    ).toEqual([
      "invalid obs.csv counts at browse: 120 continue but only 100 reached it (continuing cannot exceed reaching)",
      "invalid obs.csv counts at account: abandonments by reason add up to 40 but only 20 of 30 did not continue",
    ]);
    expect(problemsOf(() => observedFunnel(csv("chatRequests,,,,5"), STEPS, "obs.csv"))).toEqual([
      "invalid obs.csv: no funnel step has a usable count (need sessions or reached rows for the steps browse, cart, account, payment)",
    ]);
  });
});
