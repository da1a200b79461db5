import { describe, expect, it } from "vitest";
import { createRenderContext } from "../renderContext.ts";
import { chatOnlyResultsFixture, normalizeSvg, storeResultsFixture } from "../testing/index.ts";
import { chatQueueSection, waitBuckets } from "./chatQueueSection.ts";

describe("chatQueueSection", () => {
  const section = chatQueueSection(storeResultsFixture(), createRenderContext())!;

  it("chatQueueSection(store) states service level, queue abandonment and the run's contribution profit", () => {
    expect(section.takeaway).toBe(
      "70.4% of chat requests are answered within 30 s; 17.6% give up in the queue; the run's contribution profit is +$88,136 after $4,032 of agent cost",
    );
    expect(section.tables.map((table) => table.caption)).toEqual(["Chat queue figures", "Invitations, revenue and what chat earned"]);
  });

  it("the outcome table names the shoppers the queue lost next to the orders chat rescued", () => {
    const texts = section.tables[1].rows.map((cells) => cells.map((cell) => cell.text));
    const rescued = texts.findIndex((cells) => cells[0] === "Orders rescued by chat");
    expect(texts[rescued + 1]).toEqual(["Shoppers who gave up in the chat queue and left", "38"]);
  });

  it("chatQueueSection(chat-only) has no revenue table and formats money in the context currency", () => {
    const chatOnly = chatQueueSection(chatOnlyResultsFixture(), createRenderContext({ currency: "EUR" }))!;
    expect(chatOnly.tables).toHaveLength(1);
    expect(chatOnly.tables[0].rows.at(-1)!.map((cell) => cell.text)).toEqual(["Agent cost", "€4,032"]);
  });

  it("chatQueueSection returns null without chat requests", () => {
    const results = storeResultsFixture();
    results.chat.requests = 0;
    expect(chatQueueSection(results, createRenderContext())).toBeNull();
  });

  it("waitBuckets labels buckets by upper bound and splits them at the service-level threshold", () => {
    const buckets = waitBuckets(storeResultsFixture().chat);
    expect(buckets.map((bucket) => bucket.label)).toEqual([
      "no wait",
      "≤ 5 s",
      "≤ 10 s",
      "≤ 20 s",
      "≤ 30 s",
      "≤ 45 s",
      "≤ 60 s",
      "≤ 1.5 min",
      "≤ 2 min",
      "≤ 3 min",
      "≤ 5 min",
      "≤ 10 min",
      "> 10 min",
    ]);
    expect(buckets.filter((bucket) => bucket.band === "within target")).toHaveLength(5);
  });

  it.each(section.charts.map((chart) => [chart.id.replace(/^r1-/, ""), chart] as const))("chart %s matches its SVG snapshot", async (name, chart) => {
    await expect(normalizeSvg(chart.svg)).toMatchFileSnapshot(`__snapshots__/${name}.html`);
  });
});
