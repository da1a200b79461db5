import type { FastifyReply } from "fastify";
import { nonFiniteReplacer } from "../events/nonFiniteJson.ts";
import { htmlString, type SafeHtml } from "../pages/html.ts";

/** Sends JSON that keeps Infinity (see nonFiniteJson): queue states and policies contain it. */
export function sendJson(reply: FastifyReply, status: number, body: unknown): FastifyReply {
  return reply.code(status).header("cache-control", "no-store").type("application/json; charset=utf-8").send(JSON.stringify(body, nonFiniteReplacer));
}

/** Sends a page; pages depend on the session, so nothing caches them. */
export function sendHtml(reply: FastifyReply, status: number, page: SafeHtml): FastifyReply {
  return reply.code(status).header("cache-control", "no-store").type("text/html; charset=utf-8").send(htmlString(page));
}
