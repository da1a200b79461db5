import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { citation, PARAMETER_SOURCES } from "../evidence/index.ts";
import { scenarioJsonSchema } from "./jsonSchema.ts";

describe("scenarioJsonSchema", () => {
  it("matches the shipped experiments/scenario.schema.json (run `npm run schema` after changing the schema)", () => {
    const shipped = JSON.parse(readFileSync(fileURLToPath(new URL("../scenario.schema.json", import.meta.url)), "utf8"));
    expect(shipped).toEqual(scenarioJsonSchema());
  });

  it("documents segment fields with their units and forbids unknown keys", () => {
    const text = JSON.stringify(scenarioJsonSchema());
    expect(text).toContain("seconds a shopper waits in the chat queue before giving up");
    expect(text).toContain('"additionalProperties":false');
  });

  it("cites the source of every registry entry in that field's description", () => {
    const text = JSON.stringify(scenarioJsonSchema());
    for (const entry of PARAMETER_SOURCES) expect(text, entry.path).toContain(`[${citation(entry)}]`.replace(/"/g, '\\"'));
    expect(text).toContain(
      "probability that a served chat keeps a hesitating shopper, by reason [source: calibrated (liveChat.causalPurchaseLift, liveChat.heelsComVideoChat)]",
    );
  });
});

describe("scenarioJsonSchema and uncertain numbers", () => {
  it("lets a number field be written {uncertain: ...} and keeps its description outside the choice", () => {
    const schema = scenarioJsonSchema() as any;
    const store = schema.anyOf[0];
    const openness = store.properties.segments.items.properties.chatOpenness;
    expect(openness.description).toContain("probability of accepting an early chat invitation");
    expect(openness.anyOf).toEqual([expect.objectContaining({ type: "number", minimum: 0, maximum: 1 }), { $ref: "#/$defs/uncertainNumber" }]);
    expect(schema.$defs.uncertainNumber.required).toEqual(["uncertain"]);
  });
});
