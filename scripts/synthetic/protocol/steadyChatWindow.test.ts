import { describe, expect, it } from "vitest";
import type { StoreEvent } from "../../store/index.ts";
import { steadyChatWindow } from "./steadyChatWindow.ts";

/** Sessions s0..s(n−1) starting a second apart; `chats` lists [session index, ms after its start]. */
function events(sessions: number, chats: Array<[number, number]>): StoreEvent[] {
  const list: any[] = Array.from({ length: sessions }, (_, index) => ({ type: "sessionStarted", sessionId: `s${index}`, atMs: 1000 + index * 1000 }));
  for (const [index, afterMs] of chats) list.push({ type: "chatRequested", sessionId: `s${index}`, chatId: `c${index}`, atMs: 1000 + index * 1000 + afterMs });
  return list.sort((a, b) => a.atMs - b.atMs) as StoreEvent[];
}

describe("steadyChatWindow", () => {
  it("steadyChatWindow(events) starts after the 90th percentile of start-to-request times and ends at the last session's start", () => {
    // Ten chats 2 s after their session's start, one 5 s after: the 90th percentile (index 9 of 11 sorted) is 2 s.
    const chats: Array<[number, number]> = [...Array.from({ length: 10 }, (_, index): [number, number] => [index, 2000]), [10, 5000]];
    const window = steadyChatWindow(events(20, chats));
    expect(window.startMs).toBe(1000 + 2000);
    expect(window.endMs).toBe(1000 + 19 * 1000);
    // Every request from 3,000 ms to 20,000 ms: all eleven (the first at exactly 3,000 ms, the last at 16,000 ms).
    expect([...window.chatIds]).toEqual(chats.map(([index]) => `c${index}`));
    expect(window.arrivalRatePerSecond).toBeCloseTo(11 / 17, 12);
  });

  it("steadyChatWindow(events) leaves out the drain after the last session starts and is empty without chats", () => {
    const window = steadyChatWindow(
      events(3, [
        [0, 100],
        [1, 100],
        [2, 100],
      ]),
    );
    // Warm-up 100 ms: the window is [1,100, 3,000] ms; the last chat (3,100 ms) comes after the last start.
    expect([...window.chatIds]).toEqual(["c0", "c1"]);
    expect(window.arrivalRatePerSecond).toBeCloseTo(2 / 1.9, 12);
    expect(steadyChatWindow(events(3, []))).toEqual({ startMs: 0, endMs: 0, chatIds: new Set(), arrivalRatePerSecond: 0 });
  });
});
