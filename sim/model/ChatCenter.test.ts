import { describe, expect, it } from "vitest";
import { Environment } from "../engine/index.ts";
import { ChatCenter } from "./ChatCenter.ts";
import { IntervalSeries } from "./IntervalSeries.ts";

/**
 * One agent holding one chat at a time, handle 100 s each. A chat starting at 0 keeps the agent busy;
 * chats of priority 1, 5 and 3 arrive at 1, 2 and 3 s and wait. Logs [priority, answered at].
 */
function serveOrder(usePriority: boolean): [number, number][] {
  const env = new Environment();
  const center = new ChatCenter(
    env,
    {
      agents: { scheduled: [1], shrinkage: 0, concurrency: 1, costPerHour: 0 },
      intervalSeconds: 86_400,
      slowdownPerExtraChat: 0,
      slowdownMode: "loadDependent",
      serviceLevelSeconds: 20,
      meanHandleSeconds: 100,
      usePriority,
      warmupSeconds: 0,
      absence: null,
      ignoreAbandonsUnderSeconds: 0,
      maxQueueLength: Number.POSITIVE_INFINITY,
      openingHours: null,
      horizonSeconds: 86_400,
      reservation: null,
    },
    new IntervalSeries(1),
  );
  const log: [number, number][] = [];
  const customer = function* (arrivalSeconds: number, priority: number) {
    yield env.timeout(arrivalSeconds);
    const outcome = yield* center.chat(priority, Infinity, 100);
    log.push([priority, arrivalSeconds + outcome.waitSeconds]);
  };
  for (const [arrival, priority] of [
    [0, 0],
    [1, 1],
    [2, 5],
    [3, 3],
  ])
    env.process(customer(arrival, priority));
  env.run();
  return log;
}

describe("ChatCenter", () => {
  it("chat() with priority queueing serves the highest waiting priority first", () => {
    // The agent frees at 100, 200, 300: priority 5, then 3, then 1, whatever their arrival order.
    expect(serveOrder(true)).toEqual([
      [0, 0],
      [5, 100],
      [3, 200],
      [1, 300],
    ]);
  });

  it("chat() first-come first-served ignores priorities", () => {
    expect(serveOrder(false)).toEqual([
      [0, 0],
      [1, 100],
      [5, 200],
      [3, 300],
    ]);
  });
});
