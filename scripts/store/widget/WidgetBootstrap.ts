// What the server tells the widget about the page it is on (types only, shared by both sides).

import type { ResolvedPolicy, VisitState } from "../../../sim/policy/index.ts";

/** A message in a shopper's chat, as sent to the widget. */
export interface WidgetChatMessage {
  from: "shopper" | "agent" | "system";
  author: string;
  text: string;
  atMs: number;
}

/** A shopper's chat as the widget shows it (the server's ShopperChatView). */
export interface WidgetChat {
  id: string;
  status: "queued" | "active" | "ended";
  position: number | null;
  expectedWaitSeconds: number | null;
  agentName: string | null;
  endedBy: "agent" | "shopper" | "restart" | "disconnected" | null;
  messages: WidgetChatMessage[];
  rating: number | null;
  /** The agent is typing now. */
  agentTyping: boolean;
}

/**
 * Page data for the widget, embedded as JSON (with Infinity kept, see nonFiniteJson) in
 * `<script type="application/json" id="convsim-bootstrap">`.
 */
export interface WidgetBootstrap {
  /** Public id of the visit (not the session cookie): keys the time-on-site start in sessionStorage. */
  visitId: string;
  /** The page or checkout step, as the policy's `step` signal. */
  step: string;
  /** The checkout steps in order (the widget counts returns to an earlier one as back and forth). */
  checkoutSteps: string[];
  pageViews: number;
  cartValue: number;
  formErrors: number;
  returningVisitor: boolean;
  /** Invitation history, kept by the server with the simulator's helpers. */
  visit: VisitState;
  policy: ResolvedPolicy;
  chat: WidgetChat | null;
  currency: string;
  /** False outside the desk's opening hours (sim/policy isDeskOpen): the help button offers a message form. */
  deskOpen: boolean;
}

/** Id of the bootstrap script element. */
export const BOOTSTRAP_ELEMENT_ID = "convsim-bootstrap";
/** Id of the widget's root element. */
export const WIDGET_ELEMENT_ID = "convsim-chat";
