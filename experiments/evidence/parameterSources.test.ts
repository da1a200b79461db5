import { readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { loadScenario } from "../scenario/index.ts";
import { citation, covers, PARAMETER_SOURCES, sourceOf, splitPath } from "./parameterSources.ts";
import { PUBLISHED_FIGURES } from "./publishedFigures.ts";

const scenariosDir = fileURLToPath(new URL("../scenarios/", import.meta.url));
const shipped = readdirSync(scenariosDir)
  .filter((file) => file.endsWith(".yaml"))
  .map((file) => loadScenario(`${scenariosDir}${file}`).scenario as unknown as Record<string, unknown>);
const baseline = loadScenario(`${scenariosDir}baseline.yaml`).scenario as unknown as Record<string, unknown>;
const contactCentre = loadScenario(`${scenariosDir}contact-center.yaml`).scenario as unknown as Record<string, unknown>;

/** Every numeric leaf of `value` as a concrete path (`segments[0].cartValue.mean`). */
function numericLeaves(value: unknown, path = ""): string[] {
  if (typeof value === "number") return [path];
  if (Array.isArray(value)) return value.flatMap((item, index) => numericLeaves(item, `${path}[${index}]`));
  if (value !== null && typeof value === "object")
    return Object.entries(value).flatMap(([key, item]) => numericLeaves(item, path === "" ? key : `${path}.${key}`));
  return [];
}

/** Whether some value exists at registry `pattern` in `scenario` (wildcards match any key or index). */
function exists(scenario: unknown, pattern: string): boolean {
  const walk = (value: unknown, parts: string[]): boolean => {
    if (parts.length === 0) return value !== undefined;
    if (value === null || typeof value !== "object") return false;
    const [head, ...rest] = parts;
    const children = head === "*" ? Object.values(value) : [(value as Record<string, unknown>)[head]];
    return children.some((child) => walk(child, rest));
  };
  return walk(scenario, splitPath(pattern));
}

// Decisions the merchant or the desk makes, not behaviour: they need no published anchor.
const SETTINGS = ["chat.serviceLevelSeconds", "serviceLevelSeconds"];

describe("PARAMETER_SOURCES", () => {
  it("every figure id it cites is in experiments/evidence/publishedFigures.json", () => {
    for (const entry of PARAMETER_SOURCES) for (const id of entry.figures) expect(PUBLISHED_FIGURES[id], `${entry.path} cites ${id}`).toBeDefined();
  });

  it("every store path exists in the baseline scenario, every chat-only path in the contact centre", () => {
    for (const entry of PARAMETER_SOURCES)
      expect(exists(entry.mode === "store" ? baseline : contactCentre, entry.path), `${entry.mode} ${entry.path}`).toBe(true);
  });

  it("every behavioural number of every shipped scenario has an anchor or is marked as an assumption", () => {
    for (const scenario of shipped) {
      const mode = scenario.mode as "store" | "chatOnly";
      const behavioural =
        mode === "store"
          ? ["segments", "funnel", "chat"].flatMap((section) => numericLeaves(scenario[section], section))
          : numericLeaves({
              handleSeconds: scenario.handleSeconds,
              patienceSeconds: scenario.patienceSeconds,
              slowdownPerExtraChat: scenario.slowdownPerExtraChat,
            });
      expect(behavioural.length).toBeGreaterThan(3);
      for (const path of behavioural) {
        if (SETTINGS.includes(path)) continue;
        expect(sourceOf(mode, path), `${scenario.name}: ${path}`).toBeDefined();
      }
    }
  });

  it("assumptions carry a plausible range with low <= high; anchored entries cite at least one figure", () => {
    for (const entry of PARAMETER_SOURCES) {
      if (entry.kind === "assumption") {
        expect(entry.range, entry.path).toBeDefined();
        expect(entry.range!.low, entry.path).toBeLessThanOrEqual(entry.range!.high);
      } else expect(entry.figures.length, entry.path).toBeGreaterThan(0);
    }
  });
});

describe("covers / sourceOf / citation", () => {
  it("covers(pattern, path): wildcards match any index or key, and a pattern covers what lies under it", () => {
    expect(covers("segments[*].cartValue", "segments[2].cartValue.mean")).toBe(true);
    expect(covers("funnel.steps[*].hazards", "funnel.steps[0].hazards.cardDeclined")).toBe(true);
    expect(covers("segments[*].cartValue", "segments[2].chatOpenness")).toBe(false);
    expect(covers("chat.handleSeconds", "chat")).toBe(false);
  });

  it("sourceOf finds the entry of a concrete path; citation names the kind and figures or the range", () => {
    expect(sourceOf("store", "chat.rescueProbability.returnsPolicy")?.figures).toContain("liveChat.causalPurchaseLift");
    expect(citation(sourceOf("store", "chat.handleSeconds")!)).toBe("source: published (liveChat.averageChatDurationSeconds, chatOperations.zendesk2015)");
    expect(citation(sourceOf("store", "segments[1].techComfort")!)).toBe("source: assumption, plausible 0.3-0.9");
    expect(sourceOf("store", "traffic.sessionsPerDay")).toBeUndefined();
  });
});
