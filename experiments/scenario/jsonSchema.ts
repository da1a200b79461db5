import { z } from "zod";
import { chatOnlyScenarioSchema } from "./chatOnlySchema.ts";
import { storeScenarioSchema } from "./storeSchema.ts";

/**
 * The scenario format as JSON Schema (draft 2020-12), for editor autocompletion and docs. Generated
 * from the same zod schemas the loader uses, so it cannot drift.
 */
export function scenarioJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(z.union([storeScenarioSchema, chatOnlyScenarioSchema]), { io: "input", unrepresentable: "any" }) as Record<string, unknown>;
  return { ...schema, title: "convsim scenario", description: "A store (shoppers, funnel, chat policy, agents) or a chat-only contact-centre scenario. Times in seconds unless the name says otherwise; money in the scenario currency." };
}
