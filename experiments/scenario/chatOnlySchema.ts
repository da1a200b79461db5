import { z } from "zod";
import { nonNegativeDistributionSchema } from "./distributionSchema.ts";
import { nonNegative, positive, strict, text } from "./fields.ts";
import { chatOnlyAgentsSchema, chatOnlySelfServiceSchema, deskSchema, horizonSchema, reportSettingsSchema, slowdownModeSchema } from "./sharedSchema.ts";

/** A contact-centre-only scenario: chat arrivals, handle time, patience and agents. */
export const chatOnlyScenarioSchema = strict({
  mode: z.literal("chatOnly").describe("chatOnly: no shoppers, just a chat queue"),
  name: text("scenario name"),
  description: z.string().default("").describe("free text shown in reports"),
  currency: z.string().default("USD").describe("currency code used for money fields"),
  report: reportSettingsSchema,
  seed: z.union([z.number(), z.string()]).optional().describe("default seed (the command line can override)"),
  horizon: horizonSchema,
  arrivals: strict({
    chatsPerDay: positive("expected chats per day").optional(),
    dailyProfile: z.array(nonNegative("relative weight")).optional().describe("relative volume per interval of the day; flat if omitted"),
    perInterval: z.array(nonNegative("chats")).optional().describe("expected chats in each interval (one day or the whole horizon); replaces chatsPerDay"),
    segments: z
      .array(
        strict({
          name: text("segment name (desk.reservation.segments may name it)"),
          weight: positive("relative share of chats (normalised over all segments)"),
          cartValue: nonNegativeDistributionSchema.optional().describe("cart value of the segment's chats, currency (omit: 0)"),
        }),
      )
      .min(1, { error: "must have at least 1 segment" })
      .optional()
      .describe("who asks: each chat belongs to a segment by weight and carries its cart value, read by desk.reservation (omit: one anonymous class)"),
  }).describe("chat volume forecast: chatsPerDay (+ dailyProfile) or perInterval"),
  handleSeconds: nonNegativeDistributionSchema.describe("handle time in seconds at concurrency 1"),
  patienceSeconds: nonNegativeDistributionSchema
    .optional()
    .describe("seconds a customer waits before giving up; omit for infinitely patient customers (Erlang C)"),
  slowdownPerExtraChat: nonNegative("slowdown per extra chat the agent holds: a chat progresses at 1 ÷ (1 + s × (chats held − 1)) of its base speed").default(
    0,
  ),
  slowdownMode: slowdownModeSchema,
  serviceLevelSeconds: nonNegative("service-level threshold, seconds").default(20),
  agents: chatOnlyAgentsSchema,
  desk: deskSchema,
  selfService: chatOnlySelfServiceSchema,
});

export type ChatOnlyScenario = z.output<typeof chatOnlyScenarioSchema>;
