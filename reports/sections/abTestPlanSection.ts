import { formatCount, formatNumber, formatPercent, formatSignedPercent, formatValue } from "../../experiments/format/index.ts";
import type { ComparisonResults } from "../inputTypes.ts";
import type { SectionBuilder } from "../reportTypes.ts";
import { MAX_FEASIBLE_TEST_DAYS } from "../summary/comparisonDecision.ts";
import { numberCell, textCell } from "../table.ts";

/**
 * The live A/B test that would confirm each variant's predicted effect: visitors per arm and days
 * at the store's traffic, with the formula named. Null when the comparison carries no plan (a
 * metric other than conversion or revenue per session).
 */
export const abTestPlanSection: SectionBuilder<ComparisonResults> = (comparison, context) => {
  const plan = comparison.abPlan;
  if (plan === undefined || plan === null || plan.rows.length === 0) return null;
  const unit = plan.metric === "conversionRate" ? "rate" : "money";
  const feasible = plan.rows.filter((row) => row.testDays !== null && row.testDays <= MAX_FEASIBLE_TEST_DAYS);
  const quickest = [...plan.rows].filter((row) => row.testDays !== null).sort((a, b) => a.testDays! - b.testDays!)[0];
  return {
    id: `${context.idPrefix}-ab-test-plan`,
    title: "Live A/B test plan",
    takeaway:
      quickest === undefined
        ? "No variant has a predicted difference a live test could detect."
        : feasible.length === 0
          ? `A live test could not confirm any variant within ${MAX_FEASIBLE_TEST_DAYS} days: the quickest, ${quickest.variant}, needs ${formatCount(quickest.visitorsPerArm)} visitors per arm (${formatCount(quickest.testDays)} days).`
          : `${feasible.map((row) => row.variant).join(", ")} could be confirmed by a live test within ${MAX_FEASIBLE_TEST_DAYS} days; the quickest, ${quickest.variant}, needs ${formatCount(quickest.visitorsPerArm)} visitors per arm (${formatCount(quickest.testDays)} days).`,
    keyFigures: [
      { label: "significance level α", value: formatNumber(plan.alpha, 3), detail: "two-sided" },
      { label: "power", value: formatPercent(plan.power, 0), detail: "to detect the predicted change" },
      {
        label: "traffic",
        value: formatCount(plan.dailySessions * plan.trafficShare),
        detail: `sessions a day in the test (${formatPercent(plan.trafficShare, 0)} of the store's)`,
      },
    ],
    charts: [],
    tables: [
      {
        id: `${context.idPrefix}-ab-test-plan-table`,
        caption: `Visitors per arm and days at the store's traffic to detect each predicted change in ${plan.metric === "conversionRate" ? "conversion" : "revenue per session"}`,
        columns: [
          { label: "Variant", numeric: false },
          { label: "Control", numeric: true },
          { label: "Variant", numeric: true },
          { label: "Predicted change", numeric: true },
          { label: "Visitors per arm", numeric: true },
          { label: "Days", numeric: true },
          { label: "Feasible", numeric: false, nowrap: true },
        ],
        rows: plan.rows.map((row) => {
          const ok = row.testDays !== null && row.testDays <= MAX_FEASIBLE_TEST_DAYS;
          return [
            textCell(row.variant),
            numberCell(row.controlMean, formatValue(row.controlMean, unit, context.currency)),
            numberCell(row.variantMean, formatValue(row.variantMean, unit, context.currency)),
            numberCell(row.predictedRelativeLift, formatSignedPercent(row.predictedRelativeLift, 2)),
            numberCell(row.visitorsPerArm, formatCount(row.visitorsPerArm)),
            numberCell(row.testDays, formatCount(row.testDays)),
            {
              text: row.testDays === null ? "no difference to detect" : ok ? "✓ yes" : `✗ over ${MAX_FEASIBLE_TEST_DAYS} days`,
              tone: row.testDays === null ? null : ok ? "good" : "bad",
            },
          ];
        }),
        sortable: true,
      },
    ],
    notes: [
      `Formula: ${plan.formula}.`,
      `A test longer than ${MAX_FEASIBLE_TEST_DAYS} days counts as not feasible (an assumption: past about 8 weeks seasonality, cookie churn and changes to the store make the arms drift).`,
    ],
  };
};
