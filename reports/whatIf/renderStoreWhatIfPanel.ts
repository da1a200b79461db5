import type { StoreModelConfig } from "../../sim/model/index.ts";
import type { ResolvedPolicy } from "../../sim/policy/index.ts";
import { html, type SafeHtml, trustedHtml } from "../escapeHtml.ts";
import type { RenderContext } from "../renderContext.ts";
import { encodeModelJson } from "./modelJson.ts";
import { formatStoreFigure, STORE_WHAT_IF_ROWS } from "./storeWhatIfFormat.ts";
import { neutralStoreLevers, type PolicyThreshold, policyThresholds, type StoreWhatIfFigures } from "./storeWhatIfLevers.ts";

/** Traffic multiplier range of the slider: half to double the forecast. */
const TRAFFIC_SCALE_RANGE = [0.5, 2] as const;

/** What the store panel needs: the run's resolved model, its seed, its published figures and the other policies a reader may try. */
export interface StoreWhatIfPanelInput {
  model: StoreModelConfig;
  seed: string | number;
  published: StoreWhatIfFigures;
  /** Further policies to offer beside the run's own (e.g. the ones a comparison tried); same names are offered once. */
  policies?: readonly ResolvedPolicy[];
  /** What the published column is (default "Published run"; compare: its control's run at the comparison seed). */
  publishedLabel?: string;
}

/**
 * The what-if panel of a store run: traffic ×, agents added per interval, chats per agent, the
 * policy and its rule thresholds, the free-shipping threshold; the headline figures recomputed in
 * the page by the bundled simulator with the published seed (common random numbers), shown beside
 * the published run with their change. The model and policies travel as JSON in a non-executable
 * script element, `<` escaped so no data can close it.
 */
export function renderStoreWhatIfPanel(input: StoreWhatIfPanelInput, context: RenderContext): SafeHtml {
  const neutral = neutralStoreLevers(input.model);
  const own = input.model.chat.policy;
  const others = uniqueByName(input.policies ?? []).filter((policy) => policy.name !== own.name);
  const peak = Math.max(0, ...input.model.agents.scheduled);
  const json = encodeModelJson({ model: input.model, seed: input.seed, policies: others, published: input.published }).replace(/</g, "\\u003c");
  const id = `${context.idPrefix}-whatif`;
  const slider = (name: string, label: string, min: number, max: number, step: number, value: number, shown: string): SafeHtml =>
    html`<label class="whatif-lever"><span>${label}</span><input type="range" name="${name}" min="${String(min)}" max="${String(max)}" step="${String(step)}" value="${String(value)}" data-default="${String(value)}"><output data-for="${name}">${shown}</output></label>`;
  return html`<section class="report-section whatif-store" id="${id}" aria-labelledby="${id}-title" data-locale="${context.locale}" data-currency="${context.currency}" aria-busy="false">
<h3 id="${id}-title">What if?</h3>
<p class="takeaway">Change a lever and press Enter or leave the field: this page re-runs the store simulator (bundled into the file, in a Web Worker) with the published seed and the same random streams, so a difference comes from the lever, not from chance. The same change made to the scenario and run with <code>convsim simulate --seed ${String(input.seed)}</code> gives the same numbers.</p>
<script type="application/json" class="whatif-config">${trustedHtml(json)}</script>
<div class="whatif-levers">
${slider("trafficScale", "Traffic ×", TRAFFIC_SCALE_RANGE[0], TRAFFIC_SCALE_RANGE[1], 0.05, 1, "× 1.00")}
${slider("agentsDelta", "Agents added per interval", -peak, Math.max(10, peak), 1, 0, "0")}
${slider("concurrency", "Chats per agent at once", 1, Math.max(6, neutral.concurrency * 2), 1, neutral.concurrency, String(neutral.concurrency))}
<label class="whatif-lever"><span>Free shipping from (${context.currency}; empty: never)</span><input type="number" name="freeShippingThreshold" min="0" step="any" value="${neutral.freeShippingThreshold === null ? "" : String(neutral.freeShippingThreshold)}" data-default="${neutral.freeShippingThreshold === null ? "" : String(neutral.freeShippingThreshold)}"></label>
<label class="whatif-lever"><span>Trigger policy</span><select name="policy" data-default="${own.name}">${[own, ...others].map(
    (policy) =>
      html`<option value="${policy.name}"${trustedHtml(policy === own ? " selected" : "")}>${policy.name}${policy === own ? " (published run)" : ""}</option>`,
  )}</select></label>
${[own, ...others].map((policy) => thresholdFields(policy, policy === own))}
<button type="button" class="whatif-reset">Back to the published run</button>
</div>
<p class="whatif-progress"><progress max="1" value="0" hidden aria-label="simulating"></progress> <span class="whatif-status" role="status">the simulator starts when scripts run</span></p>
<div class="table-wrap"><table class="data whatif-figures">
<caption>${input.publishedLabel ?? "Published run"} and what-if, ${input.model.horizon.days} day${input.model.horizon.days === 1 ? "" : "s"}, seed ${String(input.seed)}</caption>
<thead><tr><th scope="col">Figure</th><th scope="col" class="num">${input.publishedLabel ?? "Published run"}</th><th scope="col" class="num">What-if</th><th scope="col" class="num">Change</th></tr></thead>
<tbody>
${STORE_WHAT_IF_ROWS.map(
  (row) =>
    html`<tr><th scope="row">${row.label}</th><td class="num" data-published="${row.key}" data-value="${valueText(input.published[row.key])}">${formatStoreFigure(input.published[row.key], row.format, context.format)}</td><td class="num" data-figure="${row.key}" data-format="${row.format}">–</td><td class="num" data-change="${row.key}">–</td></tr>\n`,
)}</tbody>
</table></div>
</section>`;
}

/** The number inputs of one policy's thresholds; only the selected policy's are shown. */
function thresholdFields(policy: ResolvedPolicy, selected: boolean): SafeHtml {
  const thresholds = policyThresholds(policy);
  const field = (threshold: PolicyThreshold, index: number): SafeHtml =>
    html`<label class="whatif-lever"><span>${threshold.rule}: ${threshold.signal} ${threshold.op}</span><input type="number" step="any" name="threshold" data-index="${String(index)}" value="${String(threshold.value)}" data-default="${String(threshold.value)}"></label>`;
  return html`<fieldset class="whatif-thresholds" data-policy="${policy.name}"${trustedHtml(selected ? "" : " hidden")}><legend>${policy.name}: ${thresholds.length === 0 ? "no rule thresholds (reactive chat only)" : "rule thresholds"}</legend>${thresholds.map(field)}</fieldset>`;
}

function uniqueByName(policies: readonly ResolvedPolicy[]): ResolvedPolicy[] {
  const seen = new Set<string>();
  return policies.filter((policy) => !seen.has(policy.name) && seen.add(policy.name) !== undefined);
}

function valueText(value: number | null): string {
  return value === null ? "" : String(value);
}
