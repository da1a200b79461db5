import fastifyCookie from "@fastify/cookie";
import fastifyCsrf from "@fastify/csrf-protection";
import fastifyRateLimit from "@fastify/rate-limit";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { checkHostAndOrigin, SAFE_METHODS } from "./hostCheck.ts";

/** The CSRF secret's cookie (signed, httpOnly, SameSite=Strict); the token goes in a form field or header. */
export const CSRF_COOKIE = "convsim_csrf";
/** Form field carrying the CSRF token in the store's HTML forms. */
export const CSRF_FIELD = "_csrf";
/** Header carrying the CSRF token from the widget, the console and API clients. */
export const CSRF_HEADER = "x-csrf-token";

/** What the store's protections need. */
export interface SecurityOptions {
  /** Signs cookies (see storeSecret). */
  secret: string;
  /** Host header values served (see allowedHostValues); read per request because port 0 is known only after listen. */
  allowedHosts: () => ReadonlySet<string>;
}

/**
 * Registers the protections every route shares, on the root instance (before the routes):
 * @fastify/cookie (signed cookies), the Host/Origin guard (onRequest), @fastify/csrf-protection in its
 * double-submit mode (secret in a signed cookie, so tokens survive restarts) checked on every
 * state-changing request before its handler, and @fastify/rate-limit for the routes that ask for it.
 */
export async function registerSecurity(app: FastifyInstance, options: SecurityOptions): Promise<void> {
  await app.register(fastifyCookie, { secret: options.secret });
  app.addHook("onRequest", checkHostAndOrigin(options.allowedHosts));
  await app.register(fastifyCsrf, {
    sessionPlugin: "@fastify/cookie",
    cookieKey: CSRF_COOKIE,
    cookieOpts: { signed: true, httpOnly: true, sameSite: "strict", path: "/" },
    getToken: (request: FastifyRequest) => {
      const body = request.body as Record<string, unknown> | null | undefined;
      const field = body && typeof body === "object" ? body[CSRF_FIELD] : undefined;
      const header = request.headers[CSRF_HEADER];
      return typeof field === "string" ? field : typeof header === "string" ? header : undefined;
    },
  });
  // Only routes with `config.rateLimit` are limited (sign-in): shoppers are never throttled.
  await app.register(fastifyRateLimit, { global: false });
  app.addHook("preHandler", (request, reply, done) => {
    if (SAFE_METHODS.has(request.method)) return done();
    app.csrfProtection(request, reply, () => {
      // The token is not part of any form's data: drop it before the handler validates the body.
      const body = request.body as Record<string, unknown> | null | undefined;
      if (body && typeof body === "object") delete body[CSRF_FIELD];
      done();
    });
  });
}

/** A CSRF token for the page being sent (sets the secret cookie on the reply the first time). */
export function csrfToken(reply: FastifyReply): string {
  return reply.generateCsrf();
}
