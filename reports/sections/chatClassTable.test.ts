// The per-class table of a reservation comparison, from a real compare run of
// experiments/comparisons/reservation.yaml (2 replications of 1 day, workers 1) rendered to the whole
// HTML report: every cell must show the comparison's own mean (and its paired change against the
// control), so the table can only pass if it reads the right figure for the right variant and class.

import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { compareVariants, loadVariants } from "../../experiments/compare/index.ts";
import { formatMoney, formatNumber, formatPercent } from "../../experiments/format/index.ts";
import { renderReport } from "../renderReport.ts";
import { parseReportDocument } from "../reportDocument.ts";

const FILE = fileURLToPath(new URL("../../experiments/comparisons/reservation.yaml", import.meta.url));

const loaded = loadVariants(FILE, [], 1);
const comparison = compareVariants(loaded.variants, {
  replications: 2,
  seed: 1,
  workers: 1,
  control: loaded.control,
  primaryMetric: loaded.primaryMetric,
});

/** The text of every row of the table captioned "Chats by class ...", cells joined by " | ". */
function classRows(html: string): string[] {
  const start = html.indexOf("Chats by class");
  expect(start).toBeGreaterThan(0);
  const table = html.slice(html.indexOf("<tbody", start), html.indexOf("</table>", start));
  return [...table.matchAll(/<tr>([\s\S]*?)<\/tr>/g)]
    .map((row) =>
      [...row[1].matchAll(/<t[dh][^>]*>([\s\S]*?)<\/t[dh]>/g)].map((cell) =>
        cell[1]
          .replace(/<[^>]+>/g, "")
          .replace(/&#x2212;|&minus;/g, "−")
          .trim(),
      ),
    )
    .filter((cells) => cells.length > 0)
    .map((cells) => cells.join(" | "));
}

describe("chatClassTable in the HTML report of reservation.yaml", () => {
  it("shows each variant × class with the comparison's mean wait, abandonment, service level, rescued orders and revenue, and the change against the control", async () => {
    const results = await comparison;
    const html = renderReport([parseReportDocument({ comparison: results }, "reservation.json")]);
    const rows = classRows(html);
    expect(rows).toHaveLength(4);
    const variant = results.variants.find((entry) => entry.name !== results.control)!;
    const mean = (name: string, key: string) => results.variants.find((entry) => entry.name === name)!.kpis[key]!.mean;
    const delta = (key: string) => results.differences.find((entry) => entry.variant === variant.name && entry.metric === key)!.difference.mean;
    const sign = (value: number) => (value >= 0 ? "+" : "−");
    const expected = (name: string, key: "highValue" | "standard", label: string) => {
      const withDelta = (text: string, change: string) => (name === results.control ? text : `${text} (${change})`);
      const wait = delta(`${key}MeanWaitSeconds`);
      const abandon = delta(`${key}QueueAbandonmentRate`);
      const level = delta(`${key}ServiceLevel`);
      const orders = delta(`${key}RescuedOrders`);
      const revenue = delta(`${key}RescuedRevenue`);
      return [
        name,
        label,
        withDelta(`${formatNumber(mean(name, `${key}MeanWaitSeconds`), 1)} s`, `${sign(wait)}${formatNumber(Math.abs(wait), 1)} s`),
        withDelta(formatPercent(mean(name, `${key}QueueAbandonmentRate`)), `${sign(abandon)}${formatNumber(Math.abs(abandon) * 100, 1)} pp`),
        withDelta(formatPercent(mean(name, `${key}ServiceLevel`)), `${sign(level)}${formatNumber(Math.abs(level) * 100, 1)} pp`),
        withDelta(formatNumber(mean(name, `${key}RescuedOrders`), 1), `${sign(orders)}${formatNumber(Math.abs(orders), 1)}`),
        withDelta(formatMoney(mean(name, `${key}RescuedRevenue`), "USD"), `${sign(revenue)}${formatMoney(Math.abs(revenue), "USD")}`),
      ].join(" | ");
    };
    expect(rows).toEqual([
      expected(results.variants[0].name, "highValue", "high-value"),
      expected(results.variants[0].name, "standard", "standard"),
      expected(results.variants[1].name, "highValue", "high-value"),
      expected(results.variants[1].name, "standard", "standard"),
    ]);
  });

  it("a comparison without a reservation has no per-class table", async () => {
    const results = await comparison;
    const plain = { ...results, variants: results.variants.map((entry) => ({ ...entry, kpis: { conversionRate: entry.kpis.conversionRate } })) };
    expect(renderReport([parseReportDocument({ comparison: plain }, "plain.json")])).not.toContain("Chats by class");
  });
});
