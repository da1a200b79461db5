import type { ChatOnlyModelConfig } from "../../sim/model/index.ts";
import { html, type SafeHtml, trustedHtml } from "../escapeHtml.ts";
import type { RenderContext } from "../renderContext.ts";
import { encodeModelJson } from "./modelJson.ts";
import { neutralLevers, type WhatIfFigures } from "./whatIfLevers.ts";

/** Arrival scale range of the slider: half to double the forecast. */
const ARRIVAL_SCALE_RANGE = [0.5, 2] as const;

/** What the panel needs: the run's resolved model, its seed and its published figures. */
export interface WhatIfPanelInput {
  model: ChatOnlyModelConfig;
  seed: string | number;
  published: WhatIfFigures;
}

const ROWS: readonly { key: keyof WhatIfFigures; label: string; format: "percent" | "seconds" | "count" | "hours" | "money" }[] = [
  { key: "serviceLevel", label: "Service level", format: "percent" },
  { key: "queueAbandonmentRate", label: "Gave up in the queue", format: "percent" },
  { key: "meanWaitSeconds", label: "Mean wait", format: "seconds" },
  { key: "occupancy", label: "Occupancy", format: "percent" },
  { key: "requests", label: "Chat requests", format: "count" },
  { key: "agentHoursScheduled", label: "Agent-hours", format: "hours" },
  { key: "agentCost", label: "Agent cost", format: "money" },
];

/**
 * The what-if panel of a chat-only run: sliders for agents per interval, concurrency and traffic,
 * and the headline figures recomputed in the page by the bundled simulator (same seed, same
 * streams: common random numbers against the published run). The model travels as JSON in a
 * non-executable script element, with `<` escaped so no data can close it.
 */
export function renderWhatIfPanel(input: WhatIfPanelInput, context: RenderContext): SafeHtml {
  const neutral = neutralLevers(input.model);
  const peak = Math.max(0, ...input.model.agents.scheduled);
  const json = encodeModelJson({ model: input.model, seed: input.seed }).replace(/</g, "\\u003c");
  const format = (key: keyof WhatIfFigures, kind: (typeof ROWS)[number]["format"]): string => {
    const value = input.published[key];
    if (value === null) return "–";
    switch (kind) {
      case "percent":
        return context.format.percent(value, 1);
      case "seconds":
        return `${context.format.number(value, 1)} s`;
      case "count":
        return context.format.count(value);
      case "hours":
        return `${context.format.number(value, 1)} h`;
      case "money":
        return context.format.money(value, false, 0);
    }
  };
  const slider = (name: string, label: string, min: number, max: number, step: number, value: number): SafeHtml =>
    html`<label class="whatif-lever"><span>${label}</span><input type="range" name="${name}" min="${String(min)}" max="${String(max)}" step="${String(step)}" value="${String(value)}" data-default="${String(value)}"><output data-for="${name}">${String(value)}</output></label>`;
  return html`<section class="report-section whatif" id="${context.idPrefix}-whatif" aria-labelledby="${context.idPrefix}-whatif-title" data-locale="${context.locale}" data-currency="${context.currency}" aria-busy="false">
<h3 id="${context.idPrefix}-whatif-title">What if?</h3>
<p class="takeaway">Move a lever: this page re-runs the simulator (bundled into the file, in a Web Worker) with the published seed, so every difference comes from the lever, not from chance.</p>
<script type="application/json" class="whatif-config">${trustedHtml(json)}</script>
<div class="whatif-levers">
${slider("agentsDelta", "Agents per interval (change)", -peak, Math.max(10, peak), 1, 0)}
${slider("concurrency", "Chats per agent at once", 1, Math.max(6, neutral.concurrency * 2), 1, neutral.concurrency)}
${slider("arrivalScale", "Chat traffic ×", ARRIVAL_SCALE_RANGE[0], ARRIVAL_SCALE_RANGE[1], 0.05, 1)}
<button type="button" class="whatif-reset">Back to the published run</button>
</div>
<p class="whatif-progress"><progress hidden aria-label="simulating"></progress> <span class="whatif-status" role="status">the simulator starts when scripts run</span></p>
<div class="table-wrap"><table class="data whatif-figures">
<caption>Published run and what-if, ${input.model.horizon.days} day${input.model.horizon.days === 1 ? "" : "s"}, seed ${String(input.seed)}</caption>
<thead><tr><th scope="col">Figure</th><th scope="col" class="num">Published run</th><th scope="col" class="num">What-if</th></tr></thead>
<tbody>
${ROWS.map((row) => html`<tr><th scope="row">${row.label}</th><td class="num" data-published="${row.key}" data-value="${input.published[row.key] === null ? "" : String(input.published[row.key])}">${format(row.key, row.format)}</td><td class="num" data-figure="${row.key}" data-format="${row.format}">–</td></tr>\n`)}</tbody>
</table></div>
</section>`;
}
