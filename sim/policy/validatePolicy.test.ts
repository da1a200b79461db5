import { describe, expect, it } from "vitest";
import { EXAMPLE_POLICIES } from "./examples.ts";
import { validatePolicy } from "./validatePolicy.ts";

describe("validatePolicy", () => {
  it("validatePolicy accepts a minimal policy and every example", () => {
    expect(validatePolicy({ name: "p" })).toEqual([]);
    for (const options of Object.values(EXAMPLE_POLICIES)) expect(validatePolicy(options)).toEqual([]);
  });

  it.each([
    [42, /^invalid policy: 42 \(must be an object\)$/],
    [null, /^invalid policy: null \(must be an object\)$/],
    [[], /^invalid policy: \[\] \(must be an object\)$/],
    [{}, /^invalid policy\.name: undefined \(is required\)$/],
    [{ name: "" }, /^invalid policy\.name: "" \(must be a non-empty string\)$/],
    [{ name: "p", description: 3 }, /^invalid policy\.description: 3 \(must be a string\)$/],
    [
      { name: "p", colour: "red" },
      /^invalid policy\.colour: "red" \(unknown key; allowed: name, description, reactive, rules, caps, gating, priority, holdout\)$/,
    ],
    [{ name: "p", caps: { perVisit: -1 } }, /^invalid policy\.caps\.perVisit: -1 \(must be an integer >= 0\)$/],
    [{ name: "p", caps: { perPage: 1.5 } }, /^invalid policy\.caps\.perPage: 1\.5 \(must be an integer >= 0\)$/],
    [{ name: "p", caps: { minGapSeconds: -5 } }, /^invalid policy\.caps\.minGapSeconds: -5 \(must be a finite number >= 0\)$/],
    [{ name: "p", caps: { afterDecline: "no" } }, /^invalid policy\.caps\.afterDecline: "no" \(must be true or false\)$/],
    [{ name: "p", caps: { perPge: 1 } }, /^invalid policy\.caps\.perPge: 1 \(unknown key; allowed: perPage, perVisit, afterDecline, minGapSeconds\)$/],
    [{ name: "p", caps: 3 }, /^invalid policy\.caps: 3 \(must be an object\)$/],
    [{ name: "p", gating: { maxQueueLength: Infinity } }, /^invalid policy\.gating\.maxQueueLength: Infinity \(must be an integer >= 0\)$/],
    [{ name: "p", gating: { maxPredictedWaitSeconds: NaN } }, /^invalid policy\.gating\.maxPredictedWaitSeconds: NaN \(must be a finite number >= 0\)$/],
    [{ name: "p", gating: { requireFreeSlot: 1 } }, /^invalid policy\.gating\.requireFreeSlot: 1 \(must be true or false\)$/],
    [{ name: "p", priority: { highValueCartAbove: -1 } }, /^invalid policy\.priority\.highValueCartAbove: -1 \(must be a finite number >= 0\)$/],
    [{ name: "p", priority: { reactiveBoost: "high" } }, /^invalid policy\.priority\.reactiveBoost: "high" \(must be a finite number\)$/],
    [{ name: "p", reactive: { steps: "payment" } }, /^invalid policy\.reactive\.steps: "payment" \(must be a list of non-empty step names\)$/],
    [{ name: "p", reactive: { steps: ["payment", 3] } }, /^invalid policy\.reactive\.steps: \["payment",3\] \(must be a list of non-empty step names\)$/],
    [{ name: "p", reactive: { enabled: "yes" } }, /^invalid policy\.reactive\.enabled: "yes" \(must be true or false\)$/],
    [{ name: "p", rules: {} }, /^invalid policy\.rules: \{\} \(must be a list of rules\)$/],
    [{ name: "p", rules: ["exitIntent"] }, /^invalid policy\.rules\[0\]: "exitIntent" \(must be an object with name and when\)$/],
    [{ name: "p", rules: [{ name: "r" }] }, /^invalid policy\.rules\[0\]\.when: undefined \(is required\)$/],
    [{ name: "p", rules: [{ when: "exitIntent" }] }, /^invalid policy\.rules\[0\]\.name: undefined \(is required\)$/],
    [{ name: "p", rules: [{ name: "r", when: "exitIntent", priority: "1" }] }, /^invalid policy\.rules\[0\]\.priority: "1" \(must be a finite number\)$/],
    [
      { name: "p", rules: [{ name: "r", when: "exitIntent", delay: 1 }] },
      /^invalid policy\.rules\[0\]\.delay: 1 \(unknown key; allowed: name, when, priority\)$/,
    ],
    [
      {
        name: "p",
        rules: [
          { name: "r", when: "exitIntent" },
          { name: "r", when: "exitIntent" },
        ],
      },
      /^invalid policy\.rules\[1\]\.name: "r" \(duplicate rule name\)$/,
    ],
    [
      { name: "p", rules: [{ name: "r", when: "idleSecs >= 30" }] },
      /^invalid policy\.rules\[0\]\.when: "idleSecs >= 30" \(unknown signal idleSecs; allowed: step, idleSeconds, timeOnSiteSeconds, pageViews, cartValue, formErrors, confusion, exitIntent, returningVisitor, device\)$/,
    ],
    [
      { name: "p", rules: [{ name: "r", when: "idleSeconds >= " }] },
      /^invalid policy\.rules\[0\]\.when: "idleSeconds >= " \(expected a value .* at position 15, found end of input\)$/,
    ],
    [
      { name: "p", rules: [{ name: "r", when: "step >= 3" }] },
      /^invalid policy\.rules\[0\]\.when: "step >= 3" \(operator >= needs a numeric signal; step is text\)$/,
    ],
    [{ name: "p", caps: { minGapSeconds: Infinity } }, /^invalid policy\.caps\.minGapSeconds: Infinity \(must be a finite number >= 0\)$/],
    [{ name: "p", priority: { highValueBoost: Infinity } }, /^invalid policy\.priority\.highValueBoost: Infinity \(must be a finite number\)$/],
    [{ name: "p", rules: [{ name: "", when: "exitIntent" }] }, /^invalid policy\.rules\[0\]\.name: "" \(must be a non-empty string\)$/],
    [{ name: "  " }, /^invalid policy\.name: " {2}" \(must be a non-empty string\)$/],
    [{ name: "p", reactive: { steps: ["payment", " "] } }, /^invalid policy\.reactive\.steps: \["payment"," "\] \(must be a list of non-empty step names\)$/],
    [{ name: "p", holdout: "10%" }, /^invalid policy\.holdout: "10%" \(must be a share from 0 to 0\.9 or an object with share and salt\)$/],
    [{ name: "p", holdout: { share: "0.5" } }, /^invalid policy\.holdout\.share: "0\.5" \(must be a share from 0 to 0\.9\)$/],
    [{ name: "p", holdout: 0.95 }, /^invalid policy\.holdout: 0\.95 \(must be a share from 0 to 0\.9\)$/],
  ])("validatePolicy(%j) reports %s", (options, message) => {
    const problems = validatePolicy(options);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(message);
  });

  it("validatePolicy lists every problem, one message each", () => {
    const problems = validatePolicy({ name: 1, caps: { perVisit: -1, perPage: -1 }, gating: { bogus: true } });
    expect(problems).toEqual([
      "invalid policy.name: 1 (must be a non-empty string)",
      "invalid policy.caps.perPage: -1 (must be an integer >= 0)",
      "invalid policy.caps.perVisit: -1 (must be an integer >= 0)",
      "invalid policy.gating.bogus: true (unknown key; allowed: requireFreeSlot, maxQueueLength, maxPredictedWaitSeconds)",
    ]);
  });

  it("validatePolicy(options, path) prefixes messages with the given path", () => {
    expect(validatePolicy({ name: "p", caps: { perVisit: -1 } }, "scenario.policies[2]")).toEqual([
      "invalid scenario.policies[2].caps.perVisit: -1 (must be an integer >= 0)",
    ]);
  });
  it("validatePolicy takes zero caps, gates and thresholds, a negative boost and a list of steps", () => {
    expect(
      validatePolicy({
        name: "p",
        reactive: { enabled: true, steps: ["payment"] },
        caps: { perPage: 0, perVisit: 0, minGapSeconds: 0 },
        gating: { maxQueueLength: 0, maxPredictedWaitSeconds: 0 },
        priority: { highValueCartAbove: 0, highValueBoost: -1, reactiveBoost: 0 },
      }),
    ).toEqual([]);
  });

  it("validatePolicy takes holdout shares 0 and 0.9, the ends of the allowed range", () => {
    expect(validatePolicy({ name: "p", holdout: 0 })).toEqual([]);
    expect(validatePolicy({ name: "p", holdout: { share: 0.9, salt: "s" } })).toEqual([]);
  });

  it("validatePolicy reports two rules without a name as missing names, not as duplicates", () => {
    expect(validatePolicy({ name: "p", rules: [{ when: "exitIntent" }, { when: "exitIntent" }] })).toEqual([
      "invalid policy.rules[0].name: undefined (is required)",
      "invalid policy.rules[1].name: undefined (is required)",
    ]);
  });
});
