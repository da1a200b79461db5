import { createHash } from "node:crypto";
import type { FastifyReply, FastifyRequest } from "fastify";
import type { Session } from "../events/StoreState.ts";
import { StoreError } from "../shop/StoreError.ts";
import type { StoreService } from "../shop/StoreService.ts";

/** The visit cookie: signed (a forged or altered id is ignored), httpOnly, SameSite=Lax, gone when the browser closes. */
export const SESSION_COOKIE = "convsim_session";
/** Marks a browser that has visited before (the policy's returningVisitor signal), for a year. */
export const VISITOR_COOKIE = "convsim_visitor";
const VISITOR_MAX_AGE_SECONDS = 365 * 24 * 3600;

/** The session id the request's signed visit cookie carries, if the signature holds. */
function signedSessionId(request: FastifyRequest): string | undefined {
  const raw = request.cookies[SESSION_COOKIE];
  if (raw === undefined) return undefined;
  const unsigned = request.unsignCookie(raw);
  return unsigned.valid && unsigned.value !== null ? unsigned.value : undefined;
}

/**
 * The shopper's session from the cookie, or a new one (recorded, cookies set on the reply) when the
 * cookie is missing, badly signed or names a session the store does not know.
 */
export function shopperSession(store: StoreService, request: FastifyRequest, reply: FastifyReply): Session {
  const returning = request.cookies[VISITOR_COOKIE] !== undefined;
  const { session, created } = store.session(signedSessionId(request), returning, request.headers["user-agent"] ?? "");
  if (created) {
    reply.setCookie(SESSION_COOKIE, session.id, { signed: true, httpOnly: true, sameSite: "lax", path: "/" });
    if (!returning) reply.setCookie(VISITOR_COOKIE, "1", { httpOnly: true, sameSite: "lax", path: "/", maxAge: VISITOR_MAX_AGE_SECONDS });
  }
  return session;
}

/** The shopper's existing session; 401 without one (event streams never start a visit). */
export function existingShopperSession(store: StoreService, request: FastifyRequest): Session {
  const id = signedSessionId(request);
  const session = id === undefined ? undefined : store.state.sessions.get(id);
  if (!session) throw new StoreError(401, "invalid session: no shopper session (open a store page first)");
  return session;
}

/** A public id for the visit that reveals nothing about the session cookie. */
export function visitId(session: Session): string {
  return createHash("sha256").update(`visit:${session.id}`).digest("hex").slice(0, 16);
}
