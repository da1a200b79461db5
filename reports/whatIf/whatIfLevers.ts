import type { ChatOnlyModelConfig, ChatOnlyResults } from "../../sim/model/index.ts";

/** What the reader of a report may change: agents per interval, chats per agent, traffic. */
export interface WhatIfLevers {
  /** Agents added to (or, negative, taken from) every interval's schedule; never below 0. */
  readonly agentsDelta: number;
  /** Chats one agent holds at once (≥ 1). */
  readonly concurrency: number;
  /** Multiplier on every interval's chat arrival rate (> 0). */
  readonly arrivalScale: number;
}

/** The headline figures the what-if panel shows, the same fields the CLI summary prints for a chat-only run. */
export interface WhatIfFigures {
  readonly requests: number;
  readonly serviceLevel: number | null;
  readonly queueAbandonmentRate: number | null;
  readonly meanWaitSeconds: number | null;
  readonly occupancy: number | null;
  readonly agentHoursScheduled: number;
  readonly agentCost: number;
}

/** The published run's levers: applying them changes nothing. */
export function neutralLevers(config: ChatOnlyModelConfig): WhatIfLevers {
  return { agentsDelta: 0, concurrency: config.agents.concurrency, arrivalScale: 1 };
}

/**
 * The scenario with the levers applied. Nothing else changes, seeds included, so a what-if run
 * draws the same arrivals and handle times as the published run (common random numbers).
 * Neutral levers return a config that simulates to the same bytes as the original.
 */
export function applyLevers(config: ChatOnlyModelConfig, levers: WhatIfLevers): ChatOnlyModelConfig {
  if (!(levers.arrivalScale > 0) || !Number.isInteger(levers.concurrency) || levers.concurrency < 1 || !Number.isInteger(levers.agentsDelta)) {
    throw new RangeError(`invalid what-if levers: ${JSON.stringify(levers)} (arrival scale > 0, integer concurrency >= 1, integer agent change)`);
  }
  return {
    ...config,
    chatRatesPerSecond: levers.arrivalScale === 1 ? config.chatRatesPerSecond : config.chatRatesPerSecond.map((rate) => rate * levers.arrivalScale),
    agents: {
      ...config.agents,
      concurrency: levers.concurrency,
      scheduled: levers.agentsDelta === 0 ? config.agents.scheduled : config.agents.scheduled.map((agents) => Math.max(0, agents + levers.agentsDelta)),
    },
  };
}

/** The panel's figures from a chat-only run. */
export function whatIfFigures(results: ChatOnlyResults): WhatIfFigures {
  const { chat } = results;
  return {
    requests: chat.requests,
    serviceLevel: chat.serviceLevel,
    queueAbandonmentRate: chat.queueAbandonmentRate,
    meanWaitSeconds: chat.meanWaitSeconds,
    occupancy: chat.occupancy,
    agentHoursScheduled: chat.agentHoursScheduled,
    agentCost: chat.agentCost,
  };
}
