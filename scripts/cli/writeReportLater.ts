import type { writeReport } from "./reportCommand.ts";

/**
 * `writeReport`, imported only when a command is asked for a report: the renderer loads Observable
 * Plot and linkedom, which a run without `--report` should not pay for at start-up.
 */
export async function writeReportLater(...args: Parameters<typeof writeReport>): Promise<void> {
  const module = await import("./reportCommand.ts");
  module.writeReport(...args);
}
