import { z } from "zod";
import { formatIssues } from "../../../experiments/index.ts";
import { StoreError } from "../shop/StoreError.ts";

// Request bodies of the JSON API. Strict objects: an unknown key is a client bug worth reporting.

/** A strict object whose unknown keys are reported with the allowed ones, as scenario files are. */
function strict<Shape extends z.ZodRawShape>(shape: Shape) {
  const allowed = Object.keys(shape).join(", ");
  return z.strictObject(shape, { error: (issue) => (issue.code === "unrecognized_keys" ? `unknown key (allowed: ${allowed})` : undefined) });
}

const seconds = z.number({ error: "must be a number" }).min(0, { error: "must be >= 0" }).refine(Number.isFinite, { error: "must be a finite number" });
const count = z.number({ error: "must be an integer >= 0" }).int({ error: "must be an integer >= 0" }).min(0, { error: "must be an integer >= 0" });
const step = z.string({ error: "must be a string" }).min(1, { error: "must not be empty" }).max(60, { error: "must be at most 60 characters" });
const ruleName = z.string({ error: "must be a string" }).min(1, { error: "must not be empty" }).max(200, { error: "must be at most 200 characters" });

/** The policy signals as the widget measured them. */
export const signalsSchema = strict({
  step,
  idleSeconds: seconds,
  timeOnSiteSeconds: seconds,
  pageViews: count,
  cartValue: seconds,
  formErrors: count,
  // Optional for widgets bundled before the signal existed (a cached page keeps its old script).
  confusion: z.boolean({ error: "must be true or false" }).default(false),
  exitIntent: z.boolean({ error: "must be true or false" }),
  returningVisitor: z.boolean({ error: "must be true or false" }),
  device: z.enum(["desktop", "mobile", "tablet"], { error: "must be one of desktop, mobile, tablet" }),
});

/** Analytics and invitation events the widget reports (POST /api/events). */
export const widgetEventSchema = z.discriminatedUnion(
  "type",
  [
    strict({ type: z.literal("idle"), step, idleSeconds: seconds }),
    strict({ type: z.literal("exitIntent"), step, via: z.enum(["mouse", "back"], { error: "must be one of mouse, back" }) }),
    strict({
      type: z.literal("chatOffered"),
      rule: ruleName,
      priority: z.number({ error: "must be a number" }).refine(Number.isFinite, { error: "must be a finite number" }),
      signals: signalsSchema,
    }),
    strict({ type: z.literal("chatDeclined"), step, rule: ruleName }),
  ],
  { error: "must be one of idle, exitIntent, chatOffered, chatDeclined" },
);

/** POST /api/chat/request: the "Need help?" button, or an accepted invitation of `rule`. */
export const chatRequestSchema = strict({
  source: z.enum(["reactive", "proactive"], { error: "must be one of reactive, proactive" }),
  rule: ruleName.optional(),
  signals: signalsSchema,
});

export const messageSchema = strict({ text: z.string({ error: "must be a string" }) });
/** POST /api/chat/rating: 1–5 stars and an optional comment. */
export const ratingSchema = strict({
  chatId: z.string({ error: "must be a string" }).max(40, { error: "must be at most 40 characters" }),
  rating: z
    .number({ error: "must be an integer from 1 to 5" })
    .int({ error: "must be an integer from 1 to 5" })
    .min(1, { error: "must be an integer from 1 to 5" })
    .max(5, { error: "must be an integer from 1 to 5" }),
  comment: z.string({ error: "must be a string" }).max(1000, { error: "must be at most 1000 characters" }).optional(),
});
export const transferSchema = strict({
  to: z.string({ error: "must be a string" }).min(1, { error: "must not be empty" }).max(60, { error: "must be at most 60 characters" }),
});
export const onlineSchema = strict({ online: z.boolean({ error: "must be true or false" }) });
/** The console's status change: `{online}` (online/offline) or `{presence}` (online, away or offline). */
export const statusSchema = z.union([onlineSchema, strict({ presence: z.enum(["online", "away", "offline"], { error: "must be online, away or offline" }) })]);
export const typingSchema = strict({ typing: z.boolean({ error: "must be true or false" }) });
export const takeSchema = strict({ chatId: z.string({ error: "must be a string" }).optional() });
export const botsSchema = strict({ online: count.max(1000, { error: "must be an integer from 0 to 1000" }) });

/** Parses `body` or throws a 400 StoreError with one house-format line per problem (`invalid body.signals.device: ...`). */
export function parseBody<T>(schema: z.ZodType<T>, body: unknown): T {
  const parsed = schema.safeParse(body ?? {}, { reportInput: true });
  if (!parsed.success) throw new StoreError(400, formatIssues(parsed.error.issues, "body"));
  return parsed.data;
}
