// The store's HTTP routes, registered by startStore on one fastify instance.

export { AGENT_COOKIE } from "../auth/agentSession.ts";
export { adminRoutes } from "./adminRoutes.ts";
export { agentRoutes } from "./agentRoutes.ts";
export { apiRoutes } from "./apiRoutes.ts";
export { chatRoutes } from "./chatRoutes.ts";
export { sendHtml, sendJson } from "./respond.ts";
export type { StoreContext } from "./StoreContext.ts";
export { SESSION_COOKIE, VISITOR_COOKIE } from "./shopperSession.ts";
export { shopRoutes } from "./shopRoutes.ts";
export { teamRoutes } from "./teamRoutes.ts";
