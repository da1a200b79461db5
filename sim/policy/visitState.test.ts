import { describe, expect, it } from "vitest";
import { newVisitState, onChatEnded, onChatStarted, onDeclined, onInvitationShown, onPageChange } from "./visitState.ts";

describe("visitState helpers", () => {
  it("newVisitState() starts with nothing shown and no chat", () => {
    expect(newVisitState()).toEqual({ invitationsThisVisit: 0, invitationsThisPage: 0, declined: false, lastInvitationAtSeconds: null, inChat: false });
    expect(newVisitState()).not.toBe(newVisitState());
  });

  it("onInvitationShown counts per page and per visit and records the time, without touching its argument", () => {
    const start = newVisitState();
    const shown = onInvitationShown(start, 42.5);
    expect(shown).toEqual({ ...start, invitationsThisVisit: 1, invitationsThisPage: 1, lastInvitationAtSeconds: 42.5 });
    expect(start).toEqual(newVisitState());
  });

  it("onPageChange resets only the per-page count", () => {
    const visit = onPageChange(onInvitationShown(onInvitationShown(newVisitState(), 10), 80));
    expect(visit).toEqual({ invitationsThisVisit: 2, invitationsThisPage: 0, declined: false, lastInvitationAtSeconds: 80, inChat: false });
  });

  it("onDeclined, onChatStarted and onChatEnded set their flag", () => {
    expect(onDeclined(newVisitState()).declined).toBe(true);
    expect(onChatStarted(newVisitState()).inChat).toBe(true);
    expect(onChatEnded(onChatStarted(newVisitState())).inChat).toBe(false);
  });
  it("onPageChange returns its argument itself when no invitation was shown on the page (nothing to reset)", () => {
    const visit = onPageChange(onInvitationShown(newVisitState(), 10));
    expect(onPageChange(visit)).toBe(visit);
  });
});
