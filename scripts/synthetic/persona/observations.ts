// What a persona's run saw, as plain data: the input of every check. Times named `...At` are the
// page's performance.now() in milliseconds (virtual time since the persona's clock was installed).

import type { QueueState } from "../../../sim/policy/index.ts";
import type { RecordedEvent } from "../browser/pageRecorder.ts";
import type { PersonaSpec } from "./PersonaSpec.ts";

/** One arrival at a funnel page (a rejected form's re-rendered page counts as another arrival). */
export interface PageVisit {
  step: string;
  url: string;
  /** The recorder's id of the document (ties chat events to the page). */
  doc: string | null;
  /** In-page time when the action that led here started, and when this page had loaded. */
  requestedAt: number | null;
  loadedAt: number | null;
  /** loadedAt − requestedAt, in seconds; null for the first page of the run. */
  loadSeconds: number | null;
  attempts: number;
  /** Why earlier attempts failed (a retried step is flaky, not hidden). */
  retryReasons: string[];
}

/** An amount read from the page: its text and the number it parses to (null: absent or unreadable). */
export interface Amount {
  text: string | null;
  value: number | null;
}

/** One line item as a page showed it. */
export interface LineReading {
  /** Product id (from the profile's idAttribute) or name. */
  key: string;
  quantity: number | null;
  total: Amount;
  /** The line's unit price, where the profile reads one (`lines.unitPrice`). */
  unitPrice: Amount | null;
}

/** The money a page showed. Absent elements are null. */
export interface MoneyReading {
  step: string;
  url: string;
  lines: LineReading[];
  subtotal: Amount | null;
  shipping: Amount | null;
  tax: Amount | null;
  fees: Amount | null;
  total: Amount | null;
}

/** A cart item as the persona added it, with the unit price its page showed. */
export interface AddedItem {
  key: string;
  name: string;
  /** Price shown where the persona added it. */
  unitPrice: number | null;
  unitPriceText: string | null;
  /** Price the product list showed for it (null: not read, e.g. added without the list's price). */
  listPriceText: string | null;
  quantity: number;
  /** In-page time of the add-to-cart click (the policy's cartValue changes from the next page on). */
  addedAt: number | null;
}

/** One submission of a step with deliberate errors. */
export interface FormAttempt {
  step: string;
  fields: Array<{ field: string; value: string }>;
  /** An error marker appeared (form-level or the field's own). */
  errorShown: boolean;
  errorText: string | null;
  /** The store moved on to the next page despite the errors. */
  advanced: boolean;
  /** Seconds from pressing continue to the error (or to giving up). */
  seconds: number;
  /** In-page time of pressing continue (the policy's formErrors count from the next page on). */
  submittedAt: number | null;
}

/** A console error, page error or failed request while on `step`. */
export interface PageProblem {
  step: string;
  kind: "console" | "pageError" | "request" | "content";
  text: string;
  /** The rest of a long message (a script's stack): evidence, never the headline. */
  detail?: string;
}

/** What the persona did that the chat policy reacts to. */
export interface ChatAction {
  kind: "idleStart" | "idleEnd" | "exitIntent" | "accept" | "dismiss";
  at: number;
  doc: string | null;
  step: string;
  via?: "mouse" | "back";
}

/** A funnel step the persona could not get through. */
export interface StepFailure {
  step: string;
  reason: string;
  attempts: number;
  screenshot: string | null;
}

/** A screenshot taken during the run; written to the artifacts folder only when a failure refers to it. */
export interface Shot {
  id: string;
  step: string;
  doc: string | null;
  at: number | null;
  png: Buffer;
  /** Small JPEG for the report, as a data: URI. */
  thumbnail: string;
}

/** Everything one persona's run recorded. */
export interface PersonaObservations {
  spec: PersonaSpec;
  outcome: "finished" | "left" | "stopped";
  failure: StepFailure | null;
  visits: PageVisit[];
  items: AddedItem[];
  money: MoneyReading[];
  forms: FormAttempt[];
  problems: PageProblem[];
  /** Requests to other origins the run aborted. */
  blocked: string[];
  events: RecordedEvent[];
  actions: ChatAction[];
  /** Queue states read by the harness when an idle window began. */
  queue: Array<{ at: number; state: QueueState }>;
  /** chatOffered events the widget reported (rule and signals), in order. */
  offered: Array<{ rule: string | null; step: string | null; idleSeconds: number | null }>;
  /** Widget problems (did not start on a page). */
  chatProblems: string[];
  /** Controls and totals the chat widget covered, and a panel that reopened after being closed (the layout check). */
  layout: LayoutFinding[];
  orderId: string | null;
  wallSeconds: number;
  /** Screenshots by id, and which moments they show (money/form/step failures, invitation windows). */
  shots: Shot[];
  /** Shot ids keyed by what they show: `money:<reading>`, `form:<attempt>`, `timing:<visit>`, `funnel`. */
  shotIndex: Record<string, string>;
}

/** One look at whether the chat widget kept out of a shopper's way. */
export interface LayoutFinding {
  step: string;
  /** What was looked at: "Checkout (#checkout)", "total (.sum-total)", "panel". */
  target: string;
  /** null: not covered; else what covered it. */
  coveredBy: string | null;
  /** The panel showed again after the persona closed it. */
  reopened?: boolean;
}
