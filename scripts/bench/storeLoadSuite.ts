import { runLoadBench } from "../store/loadBench.ts";
import type { BenchSuite } from "./benchSuite.ts";

/** Shoppers in the bench run, and its time bound in seconds (the 1,000 concurrent shoppers). */
const SHOPPERS = 1000;
const LIMIT_SECONDS = 360;

/**
 * The live store under load: 1,000 concurrent HTTP shoppers on loopback (10% chatting with bot
 * agents), the store process killed with SIGKILL and restarted 3 times during the run
 * (`scripts/store/loadBench.ts`). One run (it is bounded in count and time, not repeated).
 */
export const storeLoadSuite: BenchSuite = {
  name: "store-load",
  description:
    "1,000 concurrent shoppers over HTTP against the live store, 3 SIGKILL/restart cycles: requests/s, p50/p99, orders and messages acknowledged vs stored",
  async run(context) {
    const figures = await runLoadBench(SHOPPERS, LIMIT_SECONDS, context.log);
    return {
      suite: "store-load",
      title: `live store: ${figures.shoppers} concurrent shoppers, ${figures.kills} SIGKILL/restart cycles`,
      unitName: "requests",
      measurements: [
        {
          label: "store process (restarted 3 times)",
          units: figures.requests,
          events: null,
          wallSeconds: [figures.seconds],
          columns: { p50: `${figures.p50Ms} ms`, p99: `${figures.p99Ms} ms` },
        },
      ],
      ratios: [
        { label: "requests per second (answered)", value: figures.requestsPerSecond, unit: " /s" },
        { label: "p50 latency", value: figures.p50Ms, unit: " ms" },
        { label: "p99 latency", value: figures.p99Ms, unit: " ms" },
        { label: "orders acknowledged − stored (lost)", value: figures.ordersLost, unit: "", target: "0", met: figures.ordersLost === 0 },
        { label: "shopper messages acknowledged − stored (lost)", value: figures.messagesLost, unit: "", target: "0", met: figures.messagesLost === 0 },
      ],
      notes: [
        `${figures.completed} of ${figures.shoppers} shoppers finished within ${LIMIT_SECONDS} s; ${figures.retriedWhileDown} requests retried while the store was down`,
        `orders ${figures.ordersAcknowledged} acknowledged, ${figures.ordersStored} stored; shopper messages ${figures.messagesAcknowledged} acknowledged, ${figures.messagesStored} stored`,
        "latency includes the queueing of all shoppers on one store process and the restarts; run alone on an idle machine for a per-request figure",
      ],
    };
  },
};
