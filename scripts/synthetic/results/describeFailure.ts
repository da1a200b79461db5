// Turns what Playwright and Chromium throw into one line a store owner can act on.

import { StepError } from "../persona/PersonaSession.ts";

/** Terminal colour codes (ESC [ … m) that Playwright puts in its messages; built from the code point so the source holds no control character. */
const ANSI_COLOUR = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, "g");

/** Where a step failed, for the message. */
export interface FailureContext {
  step: string;
  /** What the persona was waiting for or clicking. */
  selector: string;
  /** The wait that ran out, seconds. */
  limitSeconds: number;
  baseUrl: string;
  navigationSeconds: number;
  /** The page's last document response, if any. */
  lastDocument: { url: string; status: number } | null;
}

/**
 * One line for a failed step: `store unreachable at URL: connect ECONNREFUSED`, `payment:
 * /checkout/payment answered HTTP 503`, `shipping: [data-test="checkout-continue"] not found within
 * 5 s (at /checkout/shipping, HTTP 200)`, `payment: page did not load within 15 s`.
 */
export function describeFailure(error: unknown, context: FailureContext): string {
  const { step, baseUrl: base } = context;
  const text = errorText(error);
  if (/ERR_CONNECTION_REFUSED|ECONNREFUSED/.test(text)) return `store unreachable at ${base}: connect ECONNREFUSED`;
  if (/ERR_NAME_NOT_RESOLVED|ENOTFOUND/.test(text)) return `store unreachable at ${base}: host not found`;
  const failedUrl = / at (\S+)$/.exec(text)?.[1];
  const page = failedUrl ? pathOf(failedUrl, base) : "the page";
  const serverError = /^HTTP (5\d\d) at/.exec(text);
  if (serverError) return `${step}: ${page} answered HTTP ${serverError[1]}`;
  const netError = /ERR_[A-Z_]+/.exec(text)?.[0];
  if (/ERR_CONNECTION_RESET|ERR_EMPTY_RESPONSE|ERR_CONNECTION_CLOSED/.test(text)) return `${step}: ${page} did not load (connection dropped: ${netError})`;
  if (/net::ERR_/.test(text)) return `${step}: ${page} did not load (${netError})`;
  const where = context.lastDocument ? ` (at ${pathOf(context.lastDocument.url, base)}, HTTP ${context.lastDocument.status})` : "";
  if (/page\.goto: Timeout|navigation.*timeout/i.test(text)) return `${step}: page did not load within ${context.navigationSeconds} s${where}`;
  if (/Timeout \d+ms exceeded/.test(text)) return `${step}: ${context.selector} not found within ${context.limitSeconds} s${where}`;
  return `${step}: ${text}${where}`;
}

/** Timeouts, network errors and server errors may pass on a second try; anything else will not. */
export function isRetryable(error: unknown): boolean {
  if (error instanceof StepError) return error.retryable;
  return /Timeout \d+ms exceeded|net::ERR_|^HTTP 5\d\d at/.test(errorText(error));
}

/** The first line of an error's message, without terminal colours. */
export function errorText(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split("\n")[0].replace(ANSI_COLOUR, "");
}

function pathOf(url: string, base: string): string {
  return url.startsWith(base) ? url.slice(base.length) || "/" : url;
}
