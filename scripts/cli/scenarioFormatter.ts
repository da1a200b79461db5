import { createFormatter, type Formatter } from "../../experiments/format/index.ts";

/**
 * The formatter a scenario asks for: its `report.locale` (en-US when absent) and its currency, so a
 * command's summary writes numbers and money as the scenario's report does.
 */
export function scenarioFormatter(scenario: { currency: string; report?: { locale?: string } | null }): Formatter {
  return createFormatter({ locale: scenario.report?.locale ?? undefined, currency: scenario.currency });
}
