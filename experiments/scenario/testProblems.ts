// Test helper (not re-exported from index.ts): the problem lines a loader reports.
import { ScenarioError } from "./ScenarioError.ts";

/** The problem lines of the ScenarioError that `load` throws; [] when it loads (fails on any other error). */
export function problemsOf(load: () => unknown): readonly string[] {
  try {
    load();
  } catch (error) {
    if (error instanceof ScenarioError) return error.problems;
    throw error;
  }
  return [];
}
