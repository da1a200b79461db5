import { z } from "zod";
import { calendarDayNumber, WEEKDAYS, weekdayOfDayNumber } from "../../sim/policy/index.ts";
import { nonNegativeDistributionSchema } from "./distributionSchema.ts";
import { integerBetween, nonNegative, probability, strict, text } from "./fields.ts";

/** How concurrency slows chats (see SlowdownMode in sim/model). */
export const slowdownModeSchema = z
  .enum(["loadDependent", "fixedAtStart"], { error: "must be one of loadDependent, fixedAtStart" })
  .default("loadDependent")
  .describe(
    "loadDependent: every open chat slows while its agent holds more chats and speeds up when one ends (rate 1 ÷ (1 + s × (chats held − 1))); fixedAtStart: the handle time is stretched once by the load when the chat starts",
  );

// Upper bounds keep a typo from becoming an out-of-memory crash: the simulator allocates per day
// and interval, per agent and per concurrent-chat level. MAX_DAYS matches the CLI's --days limit.
export const MAX_DAYS = 3650;
export const MAX_AGENTS = 100_000;
export const MAX_CONCURRENCY = 100;

export const horizonSchema = strict({
  days: integerBetween(1, MAX_DAYS, "days simulated"),
  intervalMinutes: z
    .number({ error: "must be one of 15, 30, 60" })
    .refine((minutes) => minutes === 15 || minutes === 30 || minutes === 60, { error: "must be one of 15, 30, 60" })
    .default(30)
    .describe("staffing and reporting interval, minutes: 15, 30 or 60"),
  startWeekday: z
    .enum(WEEKDAYS, { error: `must be one of ${WEEKDAYS.join(", ")}` })
    .optional()
    .describe("weekday of day 0 of the horizon (read by desk.openingHours; default: the weekday of startDate, else monday)"),
  startDate: z
    .string({ error: "must be a calendar date YYYY-MM-DD" })
    .refine((text) => calendarDayNumber(text) !== null, { error: "must be a calendar date YYYY-MM-DD" })
    .optional()
    .describe("calendar date of day 0 (YYYY-MM-DD, no time zone): dates the simulated days for desk.openingHours.exceptions (omit: days are undated)"),
  warmupSeconds: nonNegative(
    "warm-up: the first seconds of the horizon are simulated but left out of the whole-run chat figures (default: chat-only 10 × the mean handle time, at most a tenth of the horizon; store 0)",
  ).optional(),
})
  .superRefine((horizon, context) => {
    if (horizon.startDate === undefined || horizon.startWeekday === undefined) return;
    const dayNumber = calendarDayNumber(horizon.startDate);
    if (dayNumber !== null && WEEKDAYS[weekdayOfDayNumber(dayNumber)] !== horizon.startWeekday)
      context.addIssue({
        code: "custom",
        path: ["startWeekday"],
        input: horizon.startWeekday,
        message: `must agree with startDate ${horizon.startDate}, a ${WEEKDAYS[weekdayOfDayNumber(dayNumber)]} (or be omitted)`,
      });
  })
  // Filled after the check, so a scenario without startDate keeps `startWeekday: monday` (and its hash).
  .transform((horizon) => ({ ...horizon, startWeekday: horizon.startWeekday ?? startWeekdayOf(horizon.startDate) }))
  .describe("how long to simulate");

/** The weekday of an ISO date, Monday when the date is missing (or invalid: the refine above reports it). */
function startWeekdayOf(startDate: string | undefined): (typeof WEEKDAYS)[number] {
  const dayNumber = startDate === undefined ? null : calendarDayNumber(startDate);
  return dayNumber === null ? "monday" : WEEKDAYS[weekdayOfDayNumber(dayNumber)];
}

/** Whether `tag` is a BCP 47 locale this runtime can format numbers in. */
function isSupportedLocale(tag: string): boolean {
  try {
    return Intl.NumberFormat.supportedLocalesOf([tag]).length === 1;
  } catch {
    return false;
  }
}

/**
 * How reports and CLI summaries write numbers. Optional with no default, so scenarios without it keep
 * their scenario hash; readers fall back to en-US.
 */
export const reportSettingsSchema = strict({
  locale: z
    .string({ error: "must be a string" })
    .refine(isSupportedLocale, { error: "must be a BCP 47 locale such as en-US, en-GB, de-DE, fr-FR" })
    .optional()
    .describe("locale for numbers and money in reports, BCP 47 (default en-US)"),
})
  .optional()
  .describe("report settings: locale (money is in the scenario currency)");

const block = strict({
  from: z
    .string()
    .regex(/^([01]\d|2[0-4]):[0-5]\d$/, { error: "must be a time HH:MM" })
    .describe("start time of day, HH:MM"),
  to: z
    .string()
    .regex(/^([01]\d|2[0-4]):[0-5]\d$/, { error: "must be a time HH:MM" })
    .describe("end time of day, HH:MM (24:00 = midnight)"),
  agents: integerBetween(0, MAX_AGENTS, "scheduled agents in this block"),
});

const DEFAULT_VIDEO = { acceptanceProbability: 0.15, handleSeconds: { kind: "lognormal" as const, mean: 600, sd: 300 }, rescueMultiplier: 1.2 };
const DEFAULT_SERVICE_LEVEL = { abandons: "miss" as const, ignoreAbandonsUnderSeconds: 0 };
const DEFAULT_MESSAGES = { leaveProbability: 0.5, handleSeconds: { kind: "lognormal" as const, mean: 300, sd: 180 }, rescueFactor: 0.3 };

const openDay = z
  .union([z.string(), z.array(z.string())], { error: 'must be "closed", a range "HH:MM-HH:MM" or a list of ranges' })
  .optional()
  .describe('"closed", a clock range "HH:MM-HH:MM" (24:00 = midnight) or a list of ranges that do not overlap');

const openingException = strict({
  date: z.string({ error: "must be a calendar date YYYY-MM-DD" }).describe("the date, YYYY-MM-DD"),
  closed: z.literal(true, { error: "must be true (write hours for special hours)" }).optional().describe("closed all day (a holiday)"),
  hours: openDay.describe('special hours of that day: a range "HH:MM-HH:MM" or a list of ranges'),
});

/** The desk's week as written: every weekday, Monday to Sunday, and dated exceptions (parsed by sim/policy parseOpeningHours). */
export const openingHoursSchema = strict({
  ...(Object.fromEntries(WEEKDAYS.map((day) => [day, openDay])) as Record<(typeof WEEKDAYS)[number], typeof openDay>),
  exceptions: z
    .array(openingException, { error: "must be a list of {date, closed: true} or {date, hours}" })
    .optional()
    .describe(
      "dated closures and special hours replacing their weekday's ranges, one per date: {date: YYYY-MM-DD, closed: true} or {date, hours: HH:MM-HH:MM}; needs horizon.startDate in the simulator, the live store reads its local date",
    ),
})
  .optional()
  .describe(
    "when the desk takes chats, per weekday in clock time without time zone (omit: always open), with dated exceptions; closed, help requests are offered the message form and invitations stop; the live store reads its local clock",
  );

/** How the desk runs beyond its agents: queue cap and message form (both scenario modes). */
export const deskSchema = strict({
  maxQueueLength: integerBetween(
    0,
    1_000_000,
    "most chats that may wait; a chat arriving to a full queue is blocked and offered the message form (omit: no cap)",
  ).optional(),
  messages: strict({
    leaveProbability: probability("probability that a blocked customer leaves a message (assumption, plausible 0.2-0.8)").default(
      DEFAULT_MESSAGES.leaveProbability,
    ),
    handleSeconds: nonNegativeDistributionSchema
      .describe("agent time to answer one message, seconds (assumption: about 5 minutes)")
      .default(DEFAULT_MESSAGES.handleSeconds),
    rescueFactor: probability("a message answer rescues a hesitating shopper with rescueProbability × this (assumption, plausible 0.1-0.5)").default(
      DEFAULT_MESSAGES.rescueFactor,
    ),
  })
    .default(DEFAULT_MESSAGES)
    .describe("the 'leave a message' form offered to blocked chats; answered later by back-office time reported apart"),
  openingHours: openingHoursSchema,
  reservation: strict({
    slots: integerBetween(
      0,
      MAX_AGENTS * MAX_CONCURRENCY,
      "chat slots kept for high-value chats: a standard chat takes a slot only while more than this many are free, else it waits (or is blocked by a full queue); 0 reserves nothing but still reports the classes",
    ),
    minCartValue: nonNegative("carts at or above this value hold the reservation, currency").optional(),
    segments: z
      .array(text("segment name"))
      .optional()
      .describe("segments whose shoppers hold the reservation (store: segments[].name; chat-only: arrivals.segments[].name)"),
  })
    .optional()
    .describe(
      "value-based reservation (trunk reservation) of chat slots, read by the simulator and the live store's desk; compare and simulate report high-value and standard chats apart (omit: none)",
    ),
  video: strict({
    acceptanceProbability: probability("share of chat requests that take video when offered (assumption, plausible 0.05-0.3)").default(
      DEFAULT_VIDEO.acceptanceProbability,
    ),
    agents: integerBetween(0, MAX_AGENTS, "video agents scheduled in every interval (own pool, one call at a time; shrinkage and cost as agents')"),
    handleSeconds: nonNegativeDistributionSchema
      .describe("handle time of a video call, seconds (assumption: about 10 minutes, plausible 5-20)")
      .default(DEFAULT_VIDEO.handleSeconds),
    rescueMultiplier: nonNegative(
      "a served video call rescues with the chat rescue probability × this (store; assumption, plausible 1.0-1.5; the published Heels.com figure is self-selected)",
    ).default(DEFAULT_VIDEO.rescueMultiplier),
  })
    .optional()
    .describe("video chat as a second channel with its own agents, handle time, acceptance and effect (omit: off)"),
  serviceLevel: strict({
    abandons: z
      .enum(["miss", "exclude"], { error: "must be one of miss, exclude" })
      .default("miss")
      .describe("miss: answered within the threshold ÷ all requests (abandons and blocked chats are misses); exclude: ÷ answered chats"),
    ignoreAbandonsUnderSeconds: nonNegative("abandons shorter than this leave the denominator (WFM 'short abandons')").default(0),
  })
    .default(DEFAULT_SERVICE_LEVEL)
    .describe("what the service level counts (named in every output)"),
})
  .default({ messages: DEFAULT_MESSAGES, serviceLevel: DEFAULT_SERVICE_LEVEL })
  .describe("the chat desk: queue cap, message form, opening hours, reservation and service-level definition");

const agentsShape = {
  concurrency: integerBetween(1, MAX_CONCURRENCY, "chats one agent holds at once").default(3),
  shrinkage: probability(
    "share of scheduled time not available (breaks, meetings), in [0, 1); store default 0.25 (Assembled: 0.2-0.3 for tier 1), chat-only default 0",
  ).default(0.25),
  shrinkageMethod: z
    .enum(["absence", "floor"], { error: "must be one of absence, floor" })
    .default("absence")
    .describe(
      "absence: each scheduled agent is absent in each interval with probability shrinkage (expected online = scheduled × (1 − shrinkage)); floor: online = ⌊scheduled × (1 − shrinkage)⌋",
    ),
  costPerHour: nonNegative("cost of one scheduled agent-hour, currency").default(28),
  schedule: z
    .union(
      [
        integerBetween(0, MAX_AGENTS, "the same number of scheduled agents all day"),
        z.array(block).min(1, { error: "must have at least 1 block" }),
        strict({ perInterval: z.array(integerBetween(0, MAX_AGENTS, "scheduled agents")).min(1, { error: "must have at least 1 value" }) }),
      ],
      { error: "must be a number of agents, a list of {from, to, agents} blocks, or {perInterval: [...]}" },
    )
    .describe("scheduled agents: a constant, daily blocks covering 00:00-24:00, or perInterval (one day or the whole horizon)"),
};

export const agentsSchema = strict(agentsShape).describe("the chat team");

/** Chat-only scenarios: shrinkage is 0 unless written (a contact-centre forecast usually counts online agents). */
export const chatOnlyAgentsSchema = strict({
  ...agentsShape,
  shrinkage: probability("share of scheduled time not available (breaks, meetings), in [0, 1); 0 unless written").default(0),
}).describe("the chat team");

const selfServiceShape = {
  deflectionProbability: probability("share of help requests a bot or help centre takes before any agent (0: off)").default(0),
  escalationProbability: probability("share of self-served requests that still ask for a human and join the queue (assumption, plausible 0.2-0.6)").default(
    1 / 3,
  ),
  escalationDelaySeconds: nonNegativeDistributionSchema
    .describe("seconds in self-service before escalating (assumption: about 2 minutes)")
    .default({ kind: "lognormal", mean: 120, sd: 60 }),
  costPerContact: nonNegative("cost of one self-service conversation, currency (assumption, plausible 0.1-2)").default(0.5),
};

/** Chat-only self-service: the bot or help centre before the queue (off unless written). */
export const chatOnlySelfServiceSchema = strict(selfServiceShape)
  .optional()
  .describe("self-service first: a bot or help centre answers a share of requests; a share of those escalate to the queue (off unless written)");

/** Store self-service: the help centre before the chat desk, and answered chats handed on to email or phone (off unless written). */
export const storeSelfServiceSchema = strict({
  ...selfServiceShape,
  rescueFactor: probability(
    "a help-centre answer rescues a hesitating shopper with the chat's rescueProbability × this (assumption, plausible 0.1-0.5)",
  ).default(0.3),
  channelEscalation: strict({
    probability: probability("share of answered chats the agent hands on to email or phone (0: off)").default(0),
    phoneShare: probability("share of those escalations that go to phone; the rest to email (assumption, plausible 0.2-0.8)").default(0.5),
    emailCostPerContact: nonNegative("cost of one email follow-up, currency (assumption, plausible 2-8)").default(4),
    phoneCostPerContact: nonNegative("cost of one phone follow-up, currency (assumption, plausible 5-15)").default(8),
  })
    .optional()
    .describe("answered chats handed on to a slower channel, each contact with its own cost in the profit statement (off unless written)"),
})
  .optional()
  .describe(
    "self-service first: the help centre takes a share of help-button requests before the chat desk (a share escalate to chat), and answered chats may be handed on to email or phone; off unless written",
  );
