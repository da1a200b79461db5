// Helpers for a visit's invitation history. All are immutable: each returns a new VisitState and
// leaves its argument untouched, so a simulator can keep old states in traces and the widget can
// store states as-is.

import type { VisitState } from "./types.ts";

/** The state at the start of a visit: nothing shown, not chatting. */
export function newVisitState(): VisitState {
  return { invitationsThisVisit: 0, invitationsThisPage: 0, declined: false, lastInvitationAtSeconds: null, inChat: false };
}

/** Records an invitation shown at `timeOnSiteSeconds`: counts it on the page and the visit and starts the gap. */
export function onInvitationShown(visit: VisitState, timeOnSiteSeconds: number): VisitState {
  return {
    ...visit,
    invitationsThisVisit: visit.invitationsThisVisit + 1,
    invitationsThisPage: visit.invitationsThisPage + 1,
    lastInvitationAtSeconds: timeOnSiteSeconds,
  };
}

/** Records that the shopper dismissed an invitation. */
export function onDeclined(visit: VisitState): VisitState {
  return { ...visit, declined: true };
}

/** Records a page change: the per-page count starts again; everything else carries over. */
export function onPageChange(visit: VisitState): VisitState {
  return { ...visit, invitationsThisPage: 0 };
}

/** Records that the shopper started chatting or joined the chat queue (by invitation or the button). */
export function onChatStarted(visit: VisitState): VisitState {
  return { ...visit, inChat: true };
}

/** Records that the chat ended or the shopper left the queue; invitations count as before. */
export function onChatEnded(visit: VisitState): VisitState {
  return { ...visit, inChat: false };
}
