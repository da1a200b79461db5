import { describe, expect, it } from "vitest";
import { createFormatter } from "./createFormatter.ts";
import {
  formatBounds,
  formatClock,
  formatCompact,
  formatCount,
  formatDayClock,
  formatInterval,
  formatMoney,
  formatNumber,
  formatPercent,
  formatPp,
  formatPValue,
  formatSeconds,
  formatSignedPercent,
  formatValue,
  percentDigits,
} from "./format.ts";

describe("format", () => {
  it("formatPercent uses two decimals below 10% and one above; null is an en dash", () => {
    expect([formatPercent(0.0213706), formatPercent(0.7056), formatPercent(0), formatPercent(null), formatPercent(0.5, 0)]).toEqual([
      "2.14%",
      "70.6%",
      "0.0%",
      "–",
      "50%",
    ]);
  });

  it("formatPp signs differences of shares in percentage points", () => {
    expect([formatPp(0.0041), formatPp(-0.061), formatPp(0.00001), formatPp(0.0064, 2, false)]).toEqual(["+0.41 pp", "−6.10 pp", "±0.00 pp", "0.64 pp"]);
  });

  it("formatMoney shows the currency, cents below 100 and whole units above", () => {
    expect([
      formatMoney(128.262, "USD"),
      formatMoney(326171.2, "EUR"),
      formatMoney(-28, "USD"),
      formatMoney(1089.7, "USD", true),
      formatMoney(5, "XYZ1"),
    ]).toEqual(["$128", "€326,171", "−$28.00", "+$1,090", "5.00 XYZ1"]);
  });

  it("formatSeconds switches from seconds to minutes to hours", () => {
    expect([formatSeconds(7.25), formatSeconds(42), formatSeconds(210), formatSeconds(7200), formatSeconds(11.3, true), formatSeconds(null)]).toEqual([
      "7.3 s",
      "42 s",
      "3.5 min",
      "2 h",
      "+11 s",
      "–",
    ]);
  });

  it("formatInterval writes a mean with its bounds, money in one precision, and drops missing bounds", () => {
    expect(formatInterval(0.0041, 0.0022, 0.006, "rate", "USD", true)).toBe("+0.41 pp [+0.22 pp, +0.60 pp]");
    expect(formatInterval(812, 548, 1076, "money", "USD", true)).toBe("+$812 [+$548, +$1,076]");
    expect(formatInterval(-0.061, -0.0808, -0.0412, "rate", "USD", true)).toBe("−6.10 pp [−8.08 pp, −4.12 pp]");
    expect(formatInterval(0.0004, -0.001, 0.0018, "rate", "USD", true)).toBe("+0.04 pp [−0.10 pp, +0.18 pp]");
    expect(formatInterval(0.5, null, null, "rate", "USD")).toBe("50.0%");
    expect(formatBounds(0.2, 0.3, "rate", "USD")).toBe("[20.0%, 30.0%]");
  });

  it("formatValue covers every unit, differences signed", () => {
    expect([
      formatValue(3, "count", "USD"),
      formatValue(1.904, "ratio", "USD"),
      formatValue(-1.5, "ratio", "USD", { difference: true }),
      formatValue(4.5, "count", "USD", { difference: true }),
    ]).toEqual(["3", "1.9", "−1.5", "+5"]);
  });

  it("formatValue shows counts whole (never with decimals) and formatPValue never uses scientific notation", () => {
    expect([formatValue(112.4, "count", "USD"), formatValue(1074, "count", "USD"), formatValue(4.25, "count", "USD")]).toEqual(["112", "1,074", "4"]);
    expect([formatPValue(0.0000052), formatPValue(4.1e-9), formatPValue(0.0432, true), formatPValue(0.00001, true)]).toEqual([
      "< 0.001",
      "< 0.001",
      "= 0.043",
      "< 0.001",
    ]);
  });

  it("formatCount, formatNumber, formatCompact, formatSignedPercent and formatPValue", () => {
    expect([
      formatCount(118995),
      formatNumber(-1.90433, 2),
      formatCompact(1500),
      formatCompact(-500),
      formatCompact(0),
      formatSignedPercent(-0.087),
      formatPValue(0.0004),
      formatPValue(0.21),
    ]).toEqual(["118,995", "−1.9", "1.5K", "−500", "0", "−8.7%", "< 0.001", "0.210"]);
  });

  it("formatClock and formatDayClock read seconds since the start of day 1", () => {
    expect([formatClock(70200), formatClock(90000), formatDayClock(90000, true), formatDayClock(90000, false)]).toEqual([
      "19:30",
      "01:00",
      "day 2, 01:00",
      "01:00",
    ]);
  });

  it("percentDigits picks one precision per column: two significant digits for the smallest non-zero share", () => {
    expect([
      percentDigits([0.0213, 0.7056]),
      percentDigits([0.004, 0.2]),
      percentDigits([0.5, 0.9]),
      percentDigits([0.00004]),
      percentDigits([null, 0]),
    ]).toEqual([1, 2, 0, 3, 1]);
    const column = [0.0213, 0.7056, 0.1];
    const digits = percentDigits(column);
    expect(column.map((value) => formatPercent(value, digits))).toEqual(["2.1%", "70.6%", "10.0%"]);
  });

  it("createFormatter writes numbers, money, percentages and p-values in the scenario's locale", () => {
    const german = createFormatter({ locale: "de-DE", currency: "EUR" });
    expect([
      german.money(1234.5),
      german.percent(0.0213),
      german.count(118995),
      german.pValue(0.0432, true),
      german.pValue(0.00001),
      german.seconds(210),
      german.pp(0.0041),
    ]).toEqual(["1.235\u00a0€", "2,13\u00a0%", "118.995", "= 0,043", "< 0,001", "3,5 min", "+0,41 pp"]);
    expect(german.interval(0.0041, 0.0022, 0.006, "rate", true)).toBe("+0,41 pp [+0,22 pp, +0,60 pp]");
    const american = createFormatter({ currency: "USD" });
    expect([american.locale, american.money(670), american.money(12.262), american.interval(812, 548, 1076, "money", true)]).toEqual([
      "en-US",
      "$670",
      "$12.26",
      "+$812 [+$548, +$1,076]",
    ]);
  });
});
