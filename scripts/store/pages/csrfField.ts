import { CSRF_FIELD } from "../auth/registerSecurity.ts";
import { html, type SafeHtml } from "./html.ts";

/** The hidden CSRF token field every form that posts to the store carries. */
export function csrfField(token: string): SafeHtml {
  return html`<input type="hidden" name="${CSRF_FIELD}" value="${token}">`;
}
