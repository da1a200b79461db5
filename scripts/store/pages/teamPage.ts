import type { ChatRecord, TeamFigureRow } from "../analytics/index.ts";
import { DATA_TEST } from "../dataTestAttributes.ts";
import { agentShell } from "./agentPages.ts";
import { formatMoney } from "./formatMoney.ts";
import { html, type SafeHtml } from "./html.ts";

export interface TeamPageInput {
  rows: readonly TeamFigureRow[];
  intervalSeconds: number;
  query: string;
  transcripts: readonly ChatRecord[];
  currency: string;
  csrfToken: string;
}

const number = (value: number | null, digits = 1): string => (value === null ? "–" : value.toFixed(digits));

/**
 * The team lead's page: per-agent and team figures per interval (the same rows as the CSV/JSON
 * export), and the transcript archive with a search box. Everything from agents and shoppers goes
 * through `html`, so names, messages and comments show as text.
 */
export function teamPage(input: TeamPageInput): SafeHtml {
  const money = (amount: number) => formatMoney(amount, input.currency);
  const exportQuery = `intervalSeconds=${input.intervalSeconds}`;
  return agentShell(
    "Team",
    html`<section class="panel" data-test="${DATA_TEST.teamFigures}">
  <h1>Team figures</h1>
  <p class="muted">Per ${input.intervalSeconds / 60}-minute interval (UTC), by chat start. <a href="/api/admin/team?${exportQuery}&amp;format=csv" data-test="${DATA_TEST.teamExportCsv}">CSV</a> · <a href="/api/admin/team?${exportQuery}&amp;format=json" data-test="${DATA_TEST.teamExportJson}">JSON</a> · <a href="/agent">Console</a></p>
  <table class="team-table">
    <thead><tr><th scope="col">Interval</th><th scope="col">Agent</th><th scope="col">Chats</th><th scope="col">First response (s)</th><th scope="col">Handle (s)</th><th scope="col">Concurrency</th><th scope="col">Rescued orders</th><th scope="col">Revenue</th><th scope="col">Rating</th></tr></thead>
    <tbody>
      ${input.rows.map(
        (row) => html`<tr data-test="${DATA_TEST.teamRow}" data-agent-id="${row.agentId}"${row.agentId === "team" ? html` class="team-total"` : ""}>
        <td>${new Date(row.intervalStartMs).toISOString().slice(0, 16).replace("T", " ")}</td><td>${row.agentName}</td><td>${row.chatsHandled}</td><td>${number(row.firstResponseSeconds)}</td><td>${number(row.meanHandleSeconds, 0)}</td><td>${number(row.concurrency, 2)}</td><td>${row.rescuedOrders}</td><td>${money(row.revenue)}</td><td>${row.rating === null ? "–" : `${number(row.rating)} (${row.ratings})`}</td>
      </tr>`,
      )}
    </tbody>
  </table>
  ${input.rows.length === 0 && html`<p class="muted">No chats yet.</p>`}
</section>
<section class="panel" data-test="${DATA_TEST.transcripts}">
  <h2>Transcripts</h2>
  <form method="get" action="/team" role="search">
    <label for="transcript-query">Search messages, agents and comments</label>
    <input id="transcript-query" name="q" value="${input.query}" maxlength="200" data-test="${DATA_TEST.transcriptQuery}">
    <input type="hidden" name="intervalSeconds" value="${input.intervalSeconds}">
    <button class="button small" type="submit">Search</button>
  </form>
  ${input.transcripts.map(
    (record) => html`<article class="transcript" data-test="${DATA_TEST.transcript}" data-chat-id="${record.chatId}">
    <h3>${record.agentName} · ${new Date(record.startedAtMs).toISOString().slice(0, 19).replace("T", " ")} · ${record.endedBy ?? "open"}${record.rating !== null ? ` · rated ${record.rating}/5` : ""}${record.orders.length > 0 ? ` · ordered ${money(record.orders.reduce((sum, order) => sum + order.total, 0))}` : ""}</h3>
    ${record.ratingComment ? html`<p class="muted">“${record.ratingComment}”</p>` : ""}
    <ol class="cs-messages">${record.messages.map((message) => html`<li class="cs-message cs-from-${message.from === "agent" ? "shopper" : "agent"}"><span class="cs-author">${message.from === "shopper" ? "Shopper" : message.author}</span><span class="cs-text">${message.text}</span></li>`)}</ol>
  </article>`,
  )}
  ${input.transcripts.length === 0 && html`<p class="muted">No transcript matches.</p>`}
</section>`,
    false,
    input.csrfToken,
  );
}
