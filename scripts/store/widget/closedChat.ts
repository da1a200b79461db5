// The shopper's "close" on the chat panel, remembered for the visit: a closed panel used to reopen
// on the next page (the page's bootstrap carries the chat), which put it back over the checkout.

const KEY_PREFIX = "convsim.closedChat.";

/** Remembers that the shopper closed the panel of chat `chatId` during visit `visitId`. */
export function rememberClosedChat(visitId: string, chatId: string): void {
  try {
    sessionStorage.setItem(KEY_PREFIX + visitId, chatId);
  } catch {
    // Storage refused (private mode, quota): the panel then reopens on the next page, as before.
  }
}

/** Forgets it (the shopper opened the panel again). */
export function forgetClosedChat(visitId: string): void {
  try {
    sessionStorage.removeItem(KEY_PREFIX + visitId);
  } catch {
    // As above.
  }
}

/** Whether the shopper closed the panel of chat `chatId` in this visit (a later chat opens normally). */
export function isClosedChat(visitId: string, chatId: string | undefined): boolean {
  if (chatId === undefined) return false;
  try {
    return sessionStorage.getItem(KEY_PREFIX + visitId) === chatId;
  } catch {
    return false;
  }
}
