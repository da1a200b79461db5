import { nonFiniteReplacer, nonFiniteReviver } from "../events/nonFiniteJson.ts";

/** `<meta name="csrf-token">`: the page's CSRF token, sent back as the x-csrf-token header. */
export const CSRF_META_NAME = "csrf-token";

function pageCsrfToken(): string {
  return document.querySelector<HTMLMetaElement>(`meta[name="${CSRF_META_NAME}"]`)?.content ?? "";
}

/**
 * Calls the store's JSON API with the session cookie; JSON keeps Infinity both ways. Every
 * state-changing call carries the page's CSRF token. A non-2xx answer throws with the server's
 * house-format message.
 */
export async function callApi<T>(method: "GET" | "POST" | "PUT" | "DELETE", path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = body === undefined ? {} : { "content-type": "application/json" };
  if (method !== "GET") headers["x-csrf-token"] = pageCsrfToken();
  const response = await fetch(path, {
    method,
    credentials: "same-origin",
    headers,
    body: body === undefined ? undefined : JSON.stringify(body, nonFiniteReplacer),
  });
  const text = await response.text();
  const data = text === "" ? null : JSON.parse(text, nonFiniteReviver);
  if (!response.ok) throw new Error(data && typeof data.error === "string" ? data.error : `${method} ${path} failed with status ${response.status}`);
  return data as T;
}

/** Fire-and-forget variant for analytics: never throws, never blocks the page. */
export function report(body: unknown): void {
  callApi("POST", "/api/events", body).catch(() => {});
}
