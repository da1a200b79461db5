import fastifySession, { type SessionStore } from "@fastify/session";
import type { FastifyInstance, FastifyRequest } from "fastify";
import type { SessionFileStore } from "./SessionFileStore.ts";

/** The signed-in agent's session cookie: a random session id, signed, httpOnly, SameSite=Strict. */
export const AGENT_COOKIE = "convsim_agent";
/** A session lasts one long shift, then the agent signs in again (absolute expiry: not extended by use). */
export const SESSION_MAX_AGE_SECONDS = 12 * 3600;

declare module "fastify" {
  interface Session {
    /** The signed-in account; absent for a session that never signed in. */
    username?: string;
  }
}

/**
 * Registers @fastify/session on `scope` (the console and admin routes only: shoppers never get a
 * server-side session). Sessions are stored in `store` (kept across restarts), created only at
 * sign-in (saveUninitialized off) and never extended (rolling off), so the cookie's expiry is the
 * session's. `secure` is off because the store speaks plain HTTP on loopback; put it behind TLS
 * with `--allowed-host` to serve it anywhere else.
 */
export async function registerAgentSession(scope: FastifyInstance, secret: string, store: SessionFileStore): Promise<void> {
  await scope.register(fastifySession, {
    secret,
    cookieName: AGENT_COOKIE,
    // The store keeps JSON copies of sessions; @fastify/session rebuilds its Session objects from them.
    store: store as unknown as SessionStore,
    saveUninitialized: false,
    rolling: false,
    cookie: { secure: false, httpOnly: true, sameSite: "strict", path: "/", maxAge: SESSION_MAX_AGE_SECONDS * 1000 },
  });
}

/** The username of the request's session, if it signed in. */
export function sessionUsername(request: FastifyRequest): string | undefined {
  return request.session?.username;
}

/**
 * Signs `username` in: a fresh session id replaces whatever id the browser came with (session
 * fixation: an id planted before sign-in never becomes a signed-in one).
 */
export async function startAgentSession(request: FastifyRequest, username: string): Promise<void> {
  await request.session.regenerate();
  request.session.username = username;
}

/** Ends the request's session (removed from the store; the cookie is cleared). */
export async function endAgentSession(request: FastifyRequest): Promise<void> {
  await request.session.destroy();
}
