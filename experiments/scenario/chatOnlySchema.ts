import { z } from "zod";
import { nonNegativeDistributionSchema } from "./distributionSchema.ts";
import { nonNegative, positive, probability, strict, text } from "./fields.ts";
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
