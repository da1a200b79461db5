import { z } from "zod";
import { chatOnlyScenarioSchema } from "./chatOnlySchema.ts";
import { storeScenarioSchema } from "./storeSchema.ts";

/** `{ uncertain: ... }`, allowed wherever the scenario takes a number (see uncertainSpec.ts). */
const UNCERTAIN_NUMBER = {
  type: "object",
  description: "an uncertain number: {uncertain: {low, high}} (uniform), {uncertain: {low, mode, high}} (triangular) or {uncertain: {beta: [a, b]}}; runs use the mean unless --worlds draws it",
  properties: {
    uncertain: {
      type: "object",
      properties: { low: { type: "number" }, mode: { type: "number" }, high: { type: "number" }, beta: { type: "array", items: { type: "number", exclusiveMinimum: 0 }, minItems: 2, maxItems: 2 } },
      additionalProperties: false,
    },
  },
  required: ["uncertain"],
  additionalProperties: false,
};

/**
 * The scenario format as JSON Schema (draft 2020-12), for editor autocompletion and docs. Generated
 * from the same zod schemas the loader uses, so it cannot drift; every number may also be written
 * as an uncertain number (the loader takes those out before the zod schemas see the data).
 */
export function scenarioJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(z.union([storeScenarioSchema, chatOnlyScenarioSchema]), { io: "input", unrepresentable: "any" }) as Record<string, unknown>;
  return {
    ...(allowUncertain(schema) as Record<string, unknown>),
    $defs: { uncertainNumber: UNCERTAIN_NUMBER },
    title: "convsim scenario",
    description: "A store (shoppers, funnel, chat policy, agents) or a chat-only contact-centre scenario. Times in seconds unless the name says otherwise; money in the scenario currency.",
  };
}

/** Every `{type: "number"}` node becomes `anyOf: [it, uncertainNumber]` (its description kept outside). */
function allowUncertain(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(allowUncertain);
  if (node === null || typeof node !== "object") return node;
  const record = node as Record<string, unknown>;
  if (record.type === "number") {
    const { description, default: fallback, ...number } = record;
    return { ...(description === undefined ? {} : { description }), ...(fallback === undefined ? {} : { default: fallback }), anyOf: [number, { $ref: "#/$defs/uncertainNumber" }] };
  }
  return Object.fromEntries(Object.entries(record).map(([key, value]) => [key, allowUncertain(value)]));
}
