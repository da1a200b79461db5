// Test helper (not re-exported from index.ts): the baseline scenario and the problems of edited copies.
import { fileURLToPath } from "node:url";
import { parseScenario, readDataFile, type ScenarioOverrides } from "./index.ts";
import { CHAT_ONLY, problemsOf } from "./testScenarios.ts";

/** experiments/scenarios/baseline.yaml, the scenario most loader tests edit. */
export const baselinePath = fileURLToPath(new URL("../scenarios/baseline.yaml", import.meta.url));
/** The baseline's data as read from its file (copy before editing). */
export const baselineData = readDataFile(baselinePath, "scenario file") as Record<string, any>;
/** Problems of the baseline after `edit` (the policy file resolves next to baseline.yaml). */
export function baselineProblems(edit: (data: Record<string, any>) => void, overrides: ScenarioOverrides = {}): readonly string[] {
  const data = structuredClone(baselineData);
  edit(data);
  return problemsOf(() => parseScenario(data, { path: baselinePath, overrides }));
}

/** Problems of the chat-only test scenario after `edit`. */
export function chatOnlyProblems(edit: (data: Record<string, any>) => void): readonly string[] {
  const data: Record<string, any> = structuredClone(CHAT_ONLY);
  edit(data);
  return problemsOf(() => parseScenario(data));
}

/** The same data with object keys in reverse order at every level. */
export function reverseKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reverseKeys);
  if (value !== null && typeof value === "object")
    return Object.fromEntries(
      Object.entries(value)
        .reverse()
        .map(([key, item]) => [key, reverseKeys(item)]),
    );
  return value;
}
