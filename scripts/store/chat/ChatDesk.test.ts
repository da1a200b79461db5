import { describe, expect, it } from "vitest";
import { ChatDesk, presenceOf, TYPING_SECONDS } from "./ChatDesk.ts";

const context = { step: "payment", cartValue: 100, device: "desktop" as const };
const desk = (discipline: "fifo" | "priority" = "priority") => new ChatDesk({ concurrency: 2, meanHandleSeconds: 600, discipline, now: () => 1000 });

describe("ChatDesk", () => {
  it("queueState() with nobody online: no free slot and an infinite predicted wait", () => {
    const chats = desk();
    expect(chats.queueState()).toEqual({ freeSlots: 0, queueLength: 0, predictedWaitSeconds: Infinity });
    chats.request("c1", "s1", { kind: "reactive" }, 1, context);
    expect(chats.queueState()).toEqual({ freeSlots: 0, queueLength: 1, predictedWaitSeconds: Infinity });
  });

  it("queueState() matches ChatCenter: 0 wait with a free slot, else (queue + 1) × mean ÷ capacity", () => {
    const chats = desk();
    chats.addAgent("a1", "Ann", false);
    expect(chats.queueState()).toEqual({ freeSlots: 2, queueLength: 0, predictedWaitSeconds: 0 });
    for (const id of ["c1", "c2", "c3"]) chats.request(id, id, { kind: "reactive" }, 0, context);
    chats.take("a1");
    chats.take("a1");
    // capacity 2, both slots busy, one queued: (1 + 1) × 600 ÷ 2
    expect(chats.queueState()).toEqual({ freeSlots: 0, queueLength: 1, predictedWaitSeconds: 600 });
    expect(chats.expectedWaitSeconds(1)).toBe(300);
  });

  it("queue() serves higher priority first, then arrival order; fifo ignores priority", () => {
    for (const discipline of ["priority", "fifo"] as const) {
      const chats = desk(discipline);
      chats.request("low", "s1", { kind: "proactive", rule: "r" }, 0, context);
      chats.request("high", "s2", { kind: "reactive" }, 2, context);
      chats.request("low2", "s3", { kind: "proactive", rule: "r" }, 0, context);
      expect(chats.queue().map((chat) => chat.id)).toEqual(discipline === "priority" ? ["high", "low", "low2"] : ["low", "high", "low2"]);
      expect(chats.position("low2")).toBe(3);
    }
  });

  it("take(agent) refuses beyond the concurrency limit and when offline", () => {
    const chats = desk();
    chats.addAgent("a1", "Ann", false);
    for (const id of ["c1", "c2", "c3"]) chats.request(id, id, { kind: "reactive" }, 0, context);
    chats.take("a1");
    chats.take("a1", "c3");
    expect(() => chats.take("a1")).toThrow(/^invalid take: agent Ann holds 2 chats \(concurrency limit 2\)$/);
    chats.setOnline("a1", false);
    expect(() => chats.take("a1")).toThrow(/offline/);
    expect(chats.queue().map((chat) => chat.id)).toEqual(["c2"]);
  });

  it("end(chat) frees the agent's slot; an offline agent keeps chats but adds no capacity", () => {
    const chats = desk();
    chats.addAgent("a1", "Ann", false);
    chats.request("c1", "s1", { kind: "reactive" }, 0, context);
    chats.take("a1");
    chats.setOnline("a1", false);
    expect(chats.queueState().freeSlots).toBe(0);
    chats.end("c1", "agent");
    expect(chats.agents.get("a1")!.chats.size).toBe(0);
    expect(chats.chat("c1").status).toBe("ended");
    expect(() => chats.addMessage("c1", { from: "shopper", author: "you", text: "hi" })).toThrow(/has ended/);
  });

  it("onChange(listener) is called after each change until unsubscribed", () => {
    const chats = desk();
    let calls = 0;
    const stop = chats.onChange(() => calls++);
    chats.addAgent("a1", "Ann", false);
    stop();
    chats.setOnline("a1", false);
    expect(calls).toBe(1);
  });

  it("setPresence(away): the agent keeps its chats but adds no capacity, takes nothing and receives no transfer; back online restores both", () => {
    const chats = desk();
    chats.addAgent("a1", "Ann", false);
    chats.addAgent("a2", "Bo", false);
    chats.request("c1", "s1", { kind: "reactive" }, 0, context);
    chats.take("a1", "c1");
    chats.setPresence("a1", "away");
    expect(presenceOf(chats.agents.get("a1")!)).toBe("away");
    expect(chats.capacity).toBe(2);
    expect(chats.agents.get("a1")!.chats.has("c1")).toBe(true);
    chats.request("c2", "s2", { kind: "reactive" }, 0, context);
    expect(() => chats.take("a1", "c2")).toThrow(/^invalid take: agent Ann is away \(go online first\)$/);
    chats.take("a2", "c2");
    expect(() => chats.transfer("c2", "a2", "a1")).toThrow(/^invalid transfer: Ann is away$/);
    chats.setPresence("a1", "online");
    expect(chats.capacity).toBe(4);
    chats.transfer("c2", "a2", "a1");
    expect([...chats.agents.get("a1")!.chats]).toEqual(["c1", "c2"]);
    chats.setOnline("a1", false);
    expect(presenceOf(chats.agents.get("a1")!)).toBe("offline");
  });

  it("setTyping shows a side as typing for TYPING_SECONDS, ends on its next message, and ignores ended chats", () => {
    let nowMs = 1000;
    const chats = new ChatDesk({ concurrency: 2, meanHandleSeconds: 600, discipline: "fifo", now: () => nowMs });
    chats.addAgent("a1", "Ann", false);
    const chat = chats.request("c1", "s1", { kind: "reactive" }, 0, context);
    chats.take("a1");
    chats.setTyping("c1", "shopper", true);
    expect([chats.isTyping(chat, "shopper"), chats.isTyping(chat, "agent")]).toEqual([true, false]);
    nowMs += TYPING_SECONDS * 1000 - 1;
    expect(chats.isTyping(chat, "shopper")).toBe(true);
    nowMs += 1;
    expect(chats.isTyping(chat, "shopper")).toBe(false);
    chats.setTyping("c1", "agent", true);
    chats.addMessage("c1", { from: "agent", author: "Ann", text: "hi" });
    expect(chats.isTyping(chat, "agent")).toBe(false);
    chats.end("c1", "agent");
    chats.setTyping("c1", "shopper", true);
    expect(chats.isTyping(chat, "shopper")).toBe(false);
  });
});
