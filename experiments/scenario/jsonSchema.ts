import { z } from "zod";
import { citation, PARAMETER_SOURCES } from "../evidence/index.ts";
import { chatOnlyScenarioSchema } from "./chatOnlySchema.ts";
import { storeScenarioSchema } from "./storeSchema.ts";

/**
 * The scenario format as JSON Schema (draft 2020-12), for editor autocompletion and docs. Generated
 * from the same zod schemas the loader uses, so it cannot drift. Every behavioural field's
 * description ends with its source from the registry (experiments/evidence/parameterSources.ts).
 */
export function scenarioJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(z.union([storeScenarioSchema, chatOnlyScenarioSchema]), { io: "input", unrepresentable: "any" }) as Record<string, unknown>;
  const [store, chatOnly] = schema.anyOf as JsonSchemaNode[];
  citeSources(store, "store", "");
  citeSources(chatOnly, "chatOnly", "");
  return { ...schema, title: "convsim scenario", description: "A store (shoppers, funnel, chat policy, agents) or a chat-only contact-centre scenario. Times in seconds unless the name says otherwise; money in the scenario currency." };
}

interface JsonSchemaNode {
  description?: string;
  properties?: Record<string, JsonSchemaNode>;
  items?: JsonSchemaNode;
}

/** Appends the registry's citation to the description of each field the registry names (in place). */
function citeSources(node: JsonSchemaNode, mode: "store" | "chatOnly", path: string): void {
  const entry = PARAMETER_SOURCES.find((source) => source.mode === mode && source.path === path);
  if (entry !== undefined) node.description = `${node.description ?? ""} [${citation(entry)}]`.trim();
  for (const [key, child] of Object.entries(node.properties ?? {})) citeSources(child, mode, path === "" ? key : `${path}.${key}`);
  if (node.items !== undefined) citeSources(node.items, mode, `${path}[*]`);
}
