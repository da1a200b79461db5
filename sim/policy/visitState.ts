// Helpers for a visit's invitation history. All are immutable: each returns a new VisitState and
// leaves its argument untouched, so a simulator can keep old states in traces and the widget can
// store states as-is. They build objects field by field rather than by spreading: the simulator calls
// them on every page view, and a spread costs several times more there.

import type { VisitState } from "./types.ts";

/** The state at the start of a visit: nothing shown, not chatting. */
export function newVisitState(): VisitState {
  return { invitationsThisVisit: 0, invitationsThisPage: 0, declined: false, lastInvitationAtSeconds: null, inChat: false };
}

/** Records an invitation shown at `timeOnSiteSeconds`: counts it on the page and the visit and starts the gap. */
export function onInvitationShown(visit: VisitState, timeOnSiteSeconds: number): VisitState {
  return {
    invitationsThisVisit: visit.invitationsThisVisit + 1,
    invitationsThisPage: visit.invitationsThisPage + 1,
    declined: visit.declined,
    lastInvitationAtSeconds: timeOnSiteSeconds,
    inChat: visit.inChat,
  };
}

/** Records that the shopper dismissed an invitation. */
export function onDeclined(visit: VisitState): VisitState {
  return with_(visit, visit.invitationsThisPage, true, visit.inChat);
}

/** Records a page change: the per-page count starts again; everything else carries over. */
export function onPageChange(visit: VisitState): VisitState {
  // Nothing changes when no invitation was shown on the page: keep the same (unchanged) object.
  return visit.invitationsThisPage === 0 ? visit : with_(visit, 0, visit.declined, visit.inChat);
}

/** Records that the shopper started chatting or joined the chat queue (by invitation or the button). */
export function onChatStarted(visit: VisitState): VisitState {
  return with_(visit, visit.invitationsThisPage, visit.declined, true);
}

/** Records that the chat ended or the shopper left the queue; invitations count as before. */
export function onChatEnded(visit: VisitState): VisitState {
  return with_(visit, visit.invitationsThisPage, visit.declined, false);
}

function with_(visit: VisitState, invitationsThisPage: number, declined: boolean, inChat: boolean): VisitState {
  return {
    invitationsThisVisit: visit.invitationsThisVisit,
    invitationsThisPage,
    declined,
    lastInvitationAtSeconds: visit.lastInvitationAtSeconds,
    inChat,
  };
}
