import { createHash } from "node:crypto";
import type { FastifyReply, FastifyRequest } from "fastify";
import { parseCookies, serializeCookie } from "../cookies.ts";
import type { StoreService } from "../StoreService.ts";
import type { Session } from "../StoreState.ts";

/** The visit cookie: a session cookie (gone when the browser closes), httpOnly. */
export const SESSION_COOKIE = "convsim_session";
/** Marks a browser that has visited before (the policy's returningVisitor signal), for a year. */
export const VISITOR_COOKIE = "convsim_visitor";
const VISITOR_MAX_AGE_SECONDS = 365 * 24 * 3600;

/**
 * The shopper's session from the cookie, or a new one (recorded, cookies set on the reply) when the
 * cookie is missing or names a session the store does not know.
 */
export function shopperSession(store: StoreService, request: FastifyRequest, reply: FastifyReply): Session {
  const cookies = parseCookies(request.headers.cookie);
  const { session, created } = store.session(cookies[SESSION_COOKIE], cookies[VISITOR_COOKIE] !== undefined, request.headers["user-agent"] ?? "");
  if (created) {
    const cookiesOut = [serializeCookie(SESSION_COOKIE, session.id, { httpOnly: true, sameSite: "Lax" })];
    if (cookies[VISITOR_COOKIE] === undefined) cookiesOut.push(serializeCookie(VISITOR_COOKIE, "1", { httpOnly: true, sameSite: "Lax", maxAgeSeconds: VISITOR_MAX_AGE_SECONDS }));
    reply.header("set-cookie", cookiesOut);
  }
  return session;
}

/** A public id for the visit that reveals nothing about the session cookie. */
export function visitId(session: Session): string {
  return createHash("sha256").update(`visit:${session.id}`).digest("hex").slice(0, 16);
}
