import type { FastifyInstance } from "fastify";
import { chatRecords, searchTranscripts, teamFigures, teamFiguresCsv, teamFiguresExport } from "../analytics/index.ts";
import { csrfToken } from "../auth/registerSecurity.ts";
import { readEventLog } from "../events/readEventLog.ts";
import { teamPage } from "../pages/teamPage.ts";
import { StoreError } from "../shop/StoreError.ts";
import { Warnings } from "../Warnings.ts";
import { requireAccount, signedInAccount } from "./agentAccess.ts";
import { sendHtml, sendJson } from "./respond.ts";
import type { StoreContext } from "./StoreContext.ts";

/** Figures per hour unless asked otherwise. */
export const DEFAULT_INTERVAL_SECONDS = 3600;

type Query = { intervalSeconds?: string; format?: string; q?: string };

function intervalOf(query: Query): number {
  if (query.intervalSeconds === undefined || query.intervalSeconds === "") return DEFAULT_INTERVAL_SECONDS;
  const seconds = Number(query.intervalSeconds);
  if (!Number.isInteger(seconds) || seconds < 60 || seconds > 7 * 86400)
    throw new StoreError(400, `invalid intervalSeconds: ${JSON.stringify(query.intervalSeconds)} (must be an integer from 60 to 604800)`);
  return seconds;
}

/**
 * The team lead's view, admins only: figures per agent and per team per interval (page, CSV and
 * JSON export) and the searchable transcript archive. Each request projects the fsynced event log
 * (the record) afresh, so the figures include everything acknowledged up to that moment; a line
 * still being written is skipped, never misread.
 */
export function teamRoutes(app: FastifyInstance, context: StoreContext): void {
  const records = () => chatRecords(readEventLog(context.eventLogPath, new Warnings()).events);

  app.get<{ Querystring: Query }>("/api/admin/team", async (request, reply) => {
    requireAccount(context, request, "admin");
    const intervalSeconds = intervalOf(request.query);
    const rows = teamFigures(records(), intervalSeconds, context.store.now());
    if (request.query.format === "csv")
      return reply
        .code(200)
        .header("cache-control", "no-store")
        .header("content-disposition", 'attachment; filename="team-figures.csv"')
        .type("text/csv; charset=utf-8")
        .send(teamFiguresCsv(rows));
    if (request.query.format !== undefined && request.query.format !== "json")
      throw new StoreError(400, `invalid format: ${JSON.stringify(request.query.format)} (allowed: json, csv)`);
    return sendJson(reply, 200, teamFiguresExport(rows, intervalSeconds, context.store.currency));
  });

  app.get<{ Querystring: Query }>("/api/admin/transcripts", async (request, reply) => {
    requireAccount(context, request, "admin");
    return sendJson(reply, 200, { transcripts: searchTranscripts(records(), String(request.query.q ?? "").slice(0, 200)) });
  });

  app.get<{ Querystring: Query }>("/team", async (request, reply) => {
    if (!signedInAccount(context, request)) return reply.redirect("/agent", 303);
    requireAccount(context, request, "admin");
    const intervalSeconds = intervalOf(request.query);
    const all = records();
    const query = String(request.query.q ?? "").slice(0, 200);
    return sendHtml(
      reply,
      200,
      teamPage({
        rows: teamFigures(all, intervalSeconds, context.store.now()),
        intervalSeconds,
        query,
        transcripts: searchTranscripts(all, query, 20),
        currency: context.store.currency,
        csrfToken: csrfToken(reply),
      }),
    );
  });
}
