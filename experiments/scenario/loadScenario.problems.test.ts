import { describe, expect, it } from "vitest";
import { parseScenario } from "./index.ts";
import { baselineProblems, chatOnlyProblems } from "./testBaseline.ts";
import { MINIMAL_STORE, problemsOf } from "./testScenarios.ts";

describe("loadScenario: one house-format line per problem", () => {
  const UNKNOWN = "unknown key \\(allowed: ";
  it.each([
    // Unknown keys, at every depth.
    [
      "unknown top-level key",
      (d: any) => (d.colour = "red"),
      new RegExp(`^invalid colour: ${UNKNOWN}mode, name, description, .*agents, desk, selfService\\)$`),
    ],
    [
      "unknown segment key",
      (d: any) => (d.segments[0].cartValu = 1),
      new RegExp(`^invalid segments\\[0\\]\\.cartValu: ${UNKNOWN}name, weight, device, .*invitationSensitivity\\)$`),
    ],
    [
      "unknown step hazard",
      (d: any) => (d.funnel.steps[0].hazards.tooExpensive = 0.1),
      new RegExp(`^invalid funnel\\.steps\\[0\\]\\.hazards\\.tooExpensive: ${UNKNOWN}extraCostsTooHigh, .*cardDeclined\\)$`),
    ],
    [
      "unknown agents key",
      (d: any) => (d.agents.concurency = 3),
      new RegExp(`^invalid agents\\.concurency: ${UNKNOWN}concurrency, shrinkage, shrinkageMethod, costPerHour, schedule\\)$`),
    ],
    [
      "unknown distribution key",
      (d: any) => (d.segments[1].patienceSeconds.sd = 20),
      new RegExp(`^invalid segments\\[1\\]\\.patienceSeconds\\.sd: ${UNKNOWN}kind, mean\\)$`),
    ],
    [
      "unknown inline policy key",
      (d: any) => (d.chat.policy = { name: "p", caps: { perPge: 1 } }),
      /^invalid chat\.policy\.caps\.perPge: 1 \(unknown key; allowed: perPage, perVisit, afterDecline, minGapSeconds\)$/,
    ],
    ["blank key", (d: any) => (d.agents[" "] = 1), new RegExp(`^invalid agents\\[" "\\]: ${UNKNOWN}concurrency, .*\\)$`)],
    ["empty key", (d: any) => (d[""] = 1), new RegExp(`^invalid \\[""\\]: ${UNKNOWN}mode, .*\\)$`)],
    // Wrong types.
    ["text for a number", (d: any) => (d.traffic.sessionsPerDay = "lots"), /^invalid traffic\.sessionsPerDay: "lots" \(must be a number\)$/],
    ["NaN as text", (d: any) => (d.segments[0].weight = "NaN"), /^invalid segments\[0\]\.weight: "NaN" \(must be a number\)$/],
    ["text for a flag", (d: any) => (d.pricing.showTotalUpfront = "yes"), /^invalid pricing\.showTotalUpfront: "yes" \(must be true or false\)$/],
    ["a mapping for a list", (d: any) => (d.segments = { desktop: {} }), /^invalid segments: an object \(.+\)$/],
    ["null for a mapping", (d: any) => (d.agents = null), /^invalid agents: null \(.+\)$/],
    ["infinite volume", (d: any) => (d.traffic.sessionsPerDay = Infinity), /^invalid traffic\.sessionsPerDay: Infinity \(must be .*\)$/],
    ["fractional days", (d: any) => (d.horizon.days = 1.5), /^invalid horizon\.days: 1\.5 \(must be an integer >= 1\)$/],
    // Negative rates and amounts.
    ["negative sessions", (d: any) => (d.traffic.sessionsPerDay = -5), /^invalid traffic\.sessionsPerDay: -5 \(must be > 0\)$/],
    ["negative fee", (d: any) => (d.pricing.shippingFee = -1), /^invalid pricing\.shippingFee: -1 \(must be >= 0\)$/],
    ["negative slowdown", (d: any) => (d.chat.slowdownPerExtraChat = -0.1), /^invalid chat\.slowdownPerExtraChat: -0\.1 \(must be >= 0\)$/],
    ["zero concurrency", (d: any) => (d.agents.concurrency = 0), /^invalid agents\.concurrency: 0 \(must be an integer >= 1\)$/],
    ["negative agents", (d: any) => (d.agents.schedule = -1), /^invalid agents\.schedule: -1 \(must be an integer >= 0\)$/],
    // Sizes the simulator cannot hold in memory.
    ["huge concurrency", (d: any) => (d.agents.concurrency = 1e9), /^invalid agents\.concurrency: 1000000000 \(must be an integer <= 100\)$/],
    ["huge team", (d: any) => (d.agents.schedule = 2e5), /^invalid agents\.schedule: 200000 \(must be an integer <= 100000\)$/],
    ["huge horizon", (d: any) => (d.horizon.days = 4000), /^invalid horizon\.days: 4000 \(must be an integer <= 3650\)$/],
    // Probabilities outside [0, 1].
    [
      "probability above 1",
      (d: any) => (d.segments[1].addToCartProbability = 1.5),
      /^invalid segments\[1\]\.addToCartProbability: 1\.5 \(must be a probability in \[0, 1\]\)$/,
    ],
    [
      "negative hazard",
      (d: any) => (d.funnel.steps[2].hazards.cardDeclined = -0.1),
      /^invalid funnel\.steps\[2\]\.hazards\.cardDeclined: -0\.1 \(must be a probability in \[0, 1\]\)$/,
    ],
    [
      "device probability",
      (d: any) => (d.funnel.hesitation.exitIntentProbability.mobile = 2),
      /^invalid funnel\.hesitation\.exitIntentProbability\.mobile: 2 \(must be a probability in \[0, 1\]\)$/,
    ],
    ["shrinkage of 1", (d: any) => (d.agents.shrinkage = 1), /^invalid agents\.shrinkage: 1 \(must be in \[0, 1\): nobody would be online\)$/],
    ["payment fee above 1", (d: any) => (d.pricing.paymentFeeRate = 1.2), /^invalid pricing\.paymentFeeRate: 1\.2 \(must be a probability in \[0, 1\]\)$/],
    ["negative carrier cost", (d: any) => (d.pricing.shippingCostPerOrder = -2), /^invalid pricing\.shippingCostPerOrder: -2 \(must be >= 0\)$/],
    // Missing required fields.
    ["no name", (d: any) => delete d.name, /^missing name \(required: a string\)$/],
    ["no days", (d: any) => delete d.horizon.days, /^missing horizon\.days \(required: an integer >= 1\)$/],
    ["no segment name", (d: any) => delete d.segments[0].name, /^missing segments\[0\]\.name \(required: a string\)$/],
    ["no steps", (d: any) => delete d.funnel.steps, /^missing funnel\.steps \(required: .+\)$/],
    [
      "no schedule",
      (d: any) => delete d.agents.schedule,
      /^invalid agents\.schedule: undefined \(must be a number of agents, a list of \{from, to, agents\} blocks, or \{perInterval: \[\.\.\.\]\}\)$/,
    ],
    ["no segments", (d: any) => (d.segments = []), /^invalid segments: a list of 0 \(must have at least 1 segment\)$/],
    ["empty name", (d: any) => (d.name = ""), /^invalid name: "" \(must not be empty\)$/],
    // Enums.
    ["device", (d: any) => (d.segments[0].device = "phone"), /^invalid segments\[0\]\.device: "phone" \(allowed: desktop, mobile, tablet\)$/],
    ["queue discipline", (d: any) => (d.chat.queueDiscipline = "lifo"), /^invalid chat\.queueDiscipline: "lifo" \(allowed: fifo, priority\)$/],
    ["mode", (d: any) => (d.mode = "shop"), /^invalid mode: "shop" \(allowed: store, chatOnly\)$/],
    [
      "field type",
      (d: any) => (d.funnel.steps[0].fields[1].type = "checkbox"),
      /^invalid funnel\.steps\[0\]\.fields\[1\]\.type: "checkbox" \(allowed: text, email, .*\)$/,
    ],
    [
      "distribution kind",
      (d: any) => (d.segments[0].cartValue = { kind: "pareto", mean: 3 }),
      /^invalid segments\[0\]\.cartValue\.kind: "pareto" \(allowed: constant, exponential, uniform, normal, lognormal, gamma, erlang, weibull, triangular, empirical\)$/,
    ],
    [
      "distribution without a kind",
      (d: any) => (d.segments[0].cartValue = { mean: 3 }),
      /^missing segments\[0\]\.cartValue\.kind \(allowed: constant, exponential, uniform, normal, lognormal, gamma, erlang, weibull, triangular, empirical\)$/,
    ],
    ["interval minutes", (d: any) => (d.horizon.intervalMinutes = 20), /^invalid horizon\.intervalMinutes: 20 \(must be one of 15, 30, 60\)$/],
    // Distributions.
    [
      "lognormal with only a mean",
      (d: any) => (d.segments[0].cartValue = { kind: "lognormal", mean: 130 }),
      /^invalid segments\[0\]\.cartValue: an object \(must give either mean and sd, or mu and sigma\)$/,
    ],
    [
      "lognormal with mixed parameters",
      (d: any) => (d.segments[0].cartValue = { kind: "lognormal", mean: 130, sigma: 1 }),
      /^invalid segments\[0\]\.cartValue: an object \(must give either mean and sd, or mu and sigma\)$/,
    ],
    [
      "uniform with min = max",
      (d: any) => (d.funnel.cart.seconds = { kind: "uniform", min: 5, max: 5 }),
      /^invalid funnel\.cart\.seconds\.max: 5 \(must be > min \(5\)\)$/,
    ],
    [
      "uniform with min > max",
      (d: any) => (d.funnel.cart.seconds = { kind: "uniform", min: 9, max: 5 }),
      /^invalid funnel\.cart\.seconds\.max: 5 \(must be > min \(9\)\)$/,
    ],
    [
      "triangular mode above max",
      (d: any) => (d.chat.handleSeconds = { kind: "triangular", min: 1, mode: 9, max: 5 }),
      /^invalid chat\.handleSeconds\.mode: 9 \(must lie in \[min, max\] = \[1, 5\]\)$/,
    ],
    [
      "triangular mode below min",
      (d: any) => (d.chat.handleSeconds = { kind: "triangular", min: 1, mode: 0, max: 5 }),
      /^invalid chat\.handleSeconds\.mode: 0 \(must lie in \[min, max\] = \[1, 5\]\)$/,
    ],
    [
      "untruncated normal duration",
      (d: any) => (d.segments[0].patienceSeconds = { kind: "normal", mean: 60, sd: 30 }),
      /^invalid segments\[0\]\.patienceSeconds: -Infinity \(must not produce negative values .*\)$/,
    ],
    [
      "uniform below zero",
      (d: any) => (d.funnel.steps[0].fillSeconds = { kind: "uniform", min: -5, max: 5 }),
      /^invalid funnel\.steps\[0\]\.fillSeconds: -5 \(must not produce negative values .*\)$/,
    ],
    [
      "negative constant",
      (d: any) => (d.funnel.hesitation.pauseSeconds = { kind: "constant", value: -1 }),
      /^invalid funnel\.hesitation\.pauseSeconds: -1 \(must not produce negative values .*\)$/,
    ],
    [
      "non-positive exponential mean",
      (d: any) => (d.chat.handleSeconds = { kind: "exponential", mean: 0 }),
      /^invalid chat\.handleSeconds\.mean: 0 \(must be > 0\)$/,
    ],
    [
      "lognormal whose sd overflows",
      (d: any) => (d.funnel.hesitation.pauseSeconds = { kind: "lognormal", mean: 5e-324, sd: 20 }),
      /^invalid funnel\.hesitation\.pauseSeconds\.sd: 20 \(must keep sd² ÷ mean² finite \(mean 5e-324\)\)$/,
    ],
    [
      "infinite mean",
      (d: any) => (d.segments[2].dwellSeconds = { kind: "weibull", shape: 0.001, scale: 1000 }),
      /^invalid segments\[2\]\.dwellSeconds: an object \(cannot be sampled: invalid weibull shape: 0\.001 \(gives no finite variance in double precision; use a shape of 0\.012 or more\)\)$/,
    ],
    [
      "normal truncated where it has no mass",
      (d: any) => (d.chat.handleSeconds = { kind: "normal", mean: -1e6, sd: 1, min: 0 }),
      /^invalid chat\.handleSeconds: an object \(cannot be sampled: invalid normal min: 0 \(must leave probability > 0 above it .*\)\)$/,
    ],
    // Schedules.
    [
      "gap between blocks",
      (d: any) =>
        (d.agents.schedule = [
          { from: "00:00", to: "08:00", agents: 2 },
          { from: "09:00", to: "24:00", agents: 2 },
        ]),
      /^invalid agents\.schedule: no block covers 08:00 \(blocks must cover 00:00-24:00 every day\)$/,
    ],
    [
      "day not covered to midnight",
      (d: any) => (d.agents.schedule = [{ from: "00:00", to: "22:00", agents: 2 }]),
      /^invalid agents\.schedule: no block covers 22:00 \(blocks must cover 00:00-24:00 every day\)$/,
    ],
    [
      "block off the interval grid",
      (d: any) =>
        (d.agents.schedule = [
          { from: "00:00", to: "08:15", agents: 1 },
          { from: "08:30", to: "24:00", agents: 2 },
        ]),
      /^invalid agents\.schedule\[0\]: 00:00-08:15 \(must start and end on 30-minute interval boundaries\)$/,
    ],
    [
      "block ending before it starts",
      (d: any) =>
        (d.agents.schedule = [
          { from: "00:00", to: "24:00", agents: 2 },
          { from: "10:00", to: "08:00", agents: 2 },
        ]),
      /^invalid agents\.schedule\[1\]: 10:00-08:00 \(must end after it starts, by 24:00\)$/,
    ],
    [
      "time not HH:MM",
      (d: any) => (d.agents.schedule = [{ from: "0:00", to: "24:00", agents: 2 }]),
      /^invalid agents\.schedule\[0\]\.from: "0:00" \(must be a time HH:MM\)$/,
    ],
    [
      "perInterval too short",
      (d: any) => (d.agents.schedule = { perInterval: [1, 2, 3] }),
      /^invalid agents\.schedule\.perInterval: a list of 3 \(must have 48 values \(one day\) or 48 \(the horizon\) for 30-minute intervals\)$/,
    ],
    [
      "perInterval with a negative count",
      (d: any) => (d.agents.schedule = { perInterval: [1, -2, 3] }),
      /^invalid agents\.schedule\.perInterval\[1\]: -2 \(must be an integer >= 0\)$/,
    ],
    // Traffic profiles.
    [
      "dailyProfile too short",
      (d: any) => (d.traffic.dailyProfile = [1, 2, 3]),
      /^invalid traffic\.dailyProfile: a list of 3 \(must have 48 values for 30-minute intervals\)$/,
    ],
    [
      "dailyProfile for 15-minute intervals",
      (d: any) => (d.horizon.intervalMinutes = 15),
      /^invalid traffic\.dailyProfile: a list of 48 \(must have 96 values for 15-minute intervals\)$/,
    ],
    [
      "dailyProfile all zero",
      (d: any) => (d.traffic.dailyProfile = new Array(48).fill(0)),
      /^invalid traffic\.dailyProfile: all zero \(must have a positive weight somewhere\)$/,
    ],
    [
      "dailyProfile whose sum overflows",
      (d: any) => (d.traffic.dailyProfile = new Array(48).fill(1e308)),
      /^invalid traffic\.dailyProfile: a list of 48 \(weights must have a finite sum\)$/,
    ],
    [
      "volume × multiplier overflows",
      (d: any) => Object.assign(d.traffic, { sessionsPerDay: 1e308, dayMultipliers: [10] }),
      /^invalid traffic: 1e\+308 a day \(the arrival rate of interval 0 overflows: .+\)$/,
    ],
    // Names.
    ["duplicate segment", (d: any) => (d.segments[2].name = "desktop"), /^invalid segments\[2\]\.name: "desktop" \(names must be unique\)$/],
    ["duplicate step", (d: any) => (d.funnel.steps[3].name = "payment"), /^invalid funnel\.steps\[3\]\.name: "payment" \(names must be unique\)$/],
    [
      "duplicate field",
      (d: any) => (d.funnel.steps[1].fields[1].name = "fullName"),
      /^invalid funnel\.steps\[1\]\.fields\[1\]\.name: "fullName" \(names must be unique\)$/,
    ],
    [
      "step named cart",
      (d: any) => (d.funnel.steps[0].name = "cart"),
      /^invalid funnel\.steps\[0\]\.name: "cart" \(reserved for browsing pages: browse, product, cart\)$/,
    ],
    [
      "step named browse",
      (d: any) => (d.funnel.steps[0].name = "browse"),
      /^invalid funnel\.steps\[0\]\.name: "browse" \(reserved for browsing pages: browse, product, cart\)$/,
    ],
    // The sticker-shock point.
    [
      "two steps reveal the total",
      (d: any) => (d.funnel.steps[2].revealsTotal = true),
      /^invalid funnel\.steps: 2 steps reveal the total \(at most 1 may set revealsTotal\)$/,
    ],
    [
      "total shown up front and revealed later",
      (d: any) => (d.pricing.showTotalUpfront = true),
      /^invalid pricing\.showTotalUpfront: true \(contradicts funnel\.steps with revealsTotal: .+\)$/,
    ],
    // Policies.
    [
      "unknown signal",
      (d: any) => (d.chat.policy = { name: "p", rules: [{ name: "r", when: "idleSecs >= 30" }] }),
      /^invalid chat\.policy\.rules\[0\]\.when: "idleSecs >= 30" \(unknown signal idleSecs; allowed: step, idleSeconds, .*\)$/,
    ],
    [
      "misspelt step in a rule",
      (d: any) => (d.chat.policy = { name: "p", rules: [{ name: "r", when: "step == paymnet and idleSeconds >= 30" }] }),
      /^invalid chat\.policy\.rules\[0\]\.when: unknown step "paymnet" \(steps: browse, product, cart, account, shipping, payment, review\)$/,
    ],
    [
      "misspelt step in a list",
      (d: any) => (d.chat.policy = { name: "p", rules: [{ name: "r", when: "step in [cart, paymnet]" }] }),
      /^invalid chat\.policy\.rules\[0\]\.when: unknown step "paymnet" \(steps: .+\)$/,
    ],
    [
      "misspelt step for the help button",
      (d: any) => (d.chat.policy = { name: "p", reactive: { steps: ["paymnet"] } }),
      /^invalid chat\.policy\.reactive\.steps\[0\]: unknown step "paymnet" \(steps: .+\)$/,
    ],
    [
      "negative cap",
      (d: any) => (d.chat.policy = { name: "p", caps: { perVisit: -1 } }),
      /^invalid chat\.policy\.caps\.perVisit: -1 \(must be an integer >= 0\)$/,
    ],
    [
      "gap cap as text",
      (d: any) => (d.chat.policy = { name: "p", caps: { minGapSeconds: "a minute" } }),
      /^invalid chat\.policy\.caps\.minGapSeconds: "a minute" \(must be a finite number >= 0\)$/,
    ],
    ["policy without a name", (d: any) => (d.chat.policy = { rules: [] }), /^invalid chat\.policy\.name: undefined \(is required\)$/],
    ["policy as a number", (d: any) => (d.chat.policy = 3), /^invalid chat\.policy: 3 \(must be a policy file path or a policy object\)$/],
  ])("parseScenario(baseline with %s) reports it", (_label, edit, message) => {
    const problems = baselineProblems(edit);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(message);
  });

  it("parseScenario lists every problem at once, one line each", () => {
    const problems = baselineProblems((d) => {
      d.agents.concurrency = 0;
      d.horizon.intervalMinutes = 20;
      d.colour = "red";
      d.segments[1].device = "phone";
    });
    expect(problems).toHaveLength(4);
    expect(problems).toEqual(
      expect.arrayContaining([
        "invalid agents.concurrency: 0 (must be an integer >= 1)",
        "invalid horizon.intervalMinutes: 20 (must be one of 15, 30, 60)",
        'invalid segments[1].device: "phone" (allowed: desktop, mobile, tablet)',
        expect.stringMatching(/^invalid colour: unknown key/),
      ]),
    );
  });

  it("parseScenario checks dayMultipliers against the horizon", () => {
    expect(baselineProblems((d) => (d.traffic.dayMultipliers = [1, 2, 3]), { days: 2 })).toEqual([
      "invalid traffic.dayMultipliers: a list of 3 (must have 1 value or 2, one per day)",
    ]);
    expect(() => parseScenario({ ...MINIMAL_STORE, traffic: { sessionsPerDay: 400, dayMultipliers: [1, 0.5] } }, { overrides: { days: 2 } })).not.toThrow();
  });

  it.each([
    ["both volumes", (d: any) => (d.arrivals.perInterval = new Array(24).fill(1)), /^invalid arrivals: both chatsPerDay and perInterval \(give one of them\)$/],
    ["no volume", (d: any) => delete d.arrivals.chatsPerDay, /^missing arrivals\.chatsPerDay \(required unless arrivals\.perInterval is given\)$/],
    [
      "perInterval too short",
      (d: any) => (d.arrivals = { perInterval: [1, 2] }),
      /^invalid arrivals\.perInterval: a list of 2 \(must have 24 values \(one day\) or 24 \(the horizon\)\)$/,
    ],
    ["negative volume", (d: any) => (d.arrivals.chatsPerDay = -1), /^invalid arrivals\.chatsPerDay: -1 \(must be > 0\)$/],
    ["store-only section", (d: any) => (d.chat = {}), /^invalid chat: unknown key \(allowed: mode, name, .*agents, desk, selfService\)$/],
    ["no handle time", (d: any) => delete d.handleSeconds, /^missing handleSeconds \(required: a distribution with a kind\)$/],
  ])("parseScenario(chat-only with %s) reports it", (_label, edit, message) => {
    const problems = chatOnlyProblems(edit);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(message);
  });

  it.each([
    [null, /^invalid scenario: empty \(must be a mapping of settings\)$/],
    [[MINIMAL_STORE], /^invalid scenario: .+ \(must be a mapping of settings\)$/],
    ["name: minimal", /^invalid scenario: string \(must be a mapping of settings\)$/],
    [42, /^invalid scenario: number \(must be a mapping of settings\)$/],
  ])("parseScenario(%j) rejects a scenario that is not a mapping", (data, message) => {
    expect(problemsOf(() => parseScenario(data))).toEqual([expect.stringMatching(message)]);
  });
});
