import { nonFiniteReplacer, nonFiniteReviver } from "../nonFiniteJson.ts";

/**
 * Calls the store's JSON API with the session cookie; JSON keeps Infinity both ways. A non-2xx
 * answer throws with the server's house-format message.
 */
export async function callApi<T>(method: "GET" | "POST", path: string, body?: unknown): Promise<T> {
  const response = await fetch(path, {
    method,
    credentials: "same-origin",
    headers: body === undefined ? {} : { "content-type": "application/json" },
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
