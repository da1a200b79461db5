import type { FastifyRequest } from "fastify";
import { sessionUsername } from "../auth/agentSession.ts";
import type { Role, UserAccount } from "../auth/UserDirectory.ts";
import type { Agent } from "../chat/ChatDesk.ts";
import { StoreError } from "../shop/StoreError.ts";
import type { StoreContext } from "./StoreContext.ts";

/** The signed-in account of the request, or undefined (no session, expired, or the account is gone). */
export function signedInAccount(context: StoreContext, request: FastifyRequest): UserAccount | undefined {
  const username = sessionUsername(request);
  return username === undefined ? undefined : context.users.get(username);
}

/**
 * The signed-in account, refused with 401 when there is none and 403 when `role` is "admin" and the
 * account is an agent's. Identity comes only from the signed session: no request field names an agent.
 */
export function requireAccount(context: StoreContext, request: FastifyRequest, role: Role = "agent"): UserAccount {
  const account = signedInAccount(context, request);
  if (!account) throw new StoreError(401, "invalid session: not signed in (sign in at /agent)");
  if (role === "admin" && account.role !== "admin") throw new StoreError(403, `invalid role: ${account.role} (admins only)`);
  return account;
}

/**
 * The account's place at the desk, made on first use (e.g. after a restart) and keyed by username:
 * agents start online, admins offline (a lead looking at the team adds no capacity until they choose to).
 */
export function deskAgent(context: StoreContext, account: UserAccount): Agent {
  const desk = context.chats.desk;
  return desk.agents.get(account.username) ?? desk.addAgent(account.username, account.displayName, false, account.role === "agent");
}

/** requireAccount + deskAgent: the agent acting in this request. */
export function requireAgent(context: StoreContext, request: FastifyRequest): Agent {
  return deskAgent(context, requireAccount(context, request));
}
