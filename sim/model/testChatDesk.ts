// Test support only (not re-exported): the plain chat desk the ChatCenter tests trace by hand.

import { Environment } from "../engine/index.ts";
import { ChatCenter } from "./ChatCenter.ts";
import type { ChatCenterOptions } from "./chatCenterOptions.ts";
import { IntervalSeries } from "./IntervalSeries.ts";

/**
 * A desk of `intervals` intervals of 500 s, one agent with one slot in each, service-level target
 * 20 s, mean handle 100 s, no slowdown, priorities, warm-up, absence, queue limit, opening hours or
 * reservation; `overrides` change any of it.
 */
export function plainDesk(overrides: Partial<ChatCenterOptions> = {}, intervals = 1): { env: Environment; center: ChatCenter; series: IntervalSeries } {
  const env = new Environment();
  const series = new IntervalSeries(intervals);
  const center = new ChatCenter(
    env,
    {
      agents: { scheduled: Array(intervals).fill(1), shrinkage: 0, concurrency: 1, costPerHour: 0 },
      intervalSeconds: 500,
      slowdownPerExtraChat: 0,
      slowdownMode: "loadDependent",
      serviceLevelSeconds: 20,
      meanHandleSeconds: 100,
      usePriority: false,
      warmupSeconds: 0,
      absence: null,
      ignoreAbandonsUnderSeconds: 0,
      maxQueueLength: Number.POSITIVE_INFINITY,
      openingHours: null,
      reservation: null,
      horizonSeconds: 500 * intervals,
      ...overrides,
    },
    series,
  );
  return { env, center, series };
}
