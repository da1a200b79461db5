import { z } from "zod";
import { citation, PARAMETER_SOURCES } from "../evidence/index.ts";
import { chatOnlyScenarioSchema } from "./chatOnlySchema.ts";
import { storeScenarioSchema } from "./storeSchema.ts";

/** `{ uncertain: ... }`, allowed wherever the scenario takes a number (see uncertainSpec.ts). */
const UNCERTAIN_NUMBER = {
  type: "object",
  description:
    "an uncertain number: {uncertain: {low, high}} (uniform), {uncertain: {low, mode, high}} (triangular) or {uncertain: {beta: [a, b]}}; runs use the mean unless --worlds draws it",
  properties: {
    uncertain: {
      type: "object",
      properties: {
        low: { type: "number" },
        mode: { type: "number" },
        high: { type: "number" },
        beta: { type: "array", items: { type: "number", exclusiveMinimum: 0 }, minItems: 2, maxItems: 2 },
      },
      additionalProperties: false,
    },
  },
  required: ["uncertain"],
  additionalProperties: false,
};

/**
 * The scenario format as JSON Schema (draft 2020-12), for editor autocompletion and docs. Generated
 * from the same zod schemas the loader uses, so it cannot drift. Every behavioural field's
 * description ends with its source from the registry (experiments/evidence/parameterSources.ts), and
 * every number may also be written as an uncertain number (the loader takes those out before the zod
 * schemas see the data).
 */
export function scenarioJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(z.union([storeScenarioSchema, chatOnlyScenarioSchema]), { io: "input", unrepresentable: "any" }) as Record<string, unknown>;
  const [store, chatOnly] = schema.anyOf as JsonSchemaNode[];
  citeSources(store, "store", "");
  citeSources(chatOnly, "chatOnly", "");
  return {
    ...(allowUncertain(schema) as Record<string, unknown>),
    $defs: { uncertainNumber: UNCERTAIN_NUMBER },
    title: "convsim scenario",
    description:
      "A store (shoppers, funnel, chat policy, agents) or a chat-only contact-centre scenario. Times in seconds unless the name says otherwise; money in the scenario currency.",
  };
}

/** Every `{type: "number"}` node becomes `anyOf: [it, uncertainNumber]` (its description kept outside). */
function allowUncertain(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(allowUncertain);
  if (node === null || typeof node !== "object") return node;
  const record = node as Record<string, unknown>;
  if (record.type === "number") {
    const { description, default: fallback, ...number } = record;
    return {
      ...(description === undefined ? {} : { description }),
      ...(fallback === undefined ? {} : { default: fallback }),
      anyOf: [number, { $ref: "#/$defs/uncertainNumber" }],
    };
  }
  return Object.fromEntries(Object.entries(record).map(([key, value]) => [key, allowUncertain(value)]));
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
