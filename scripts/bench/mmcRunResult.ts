import type { WaitSummary } from "./BatchedWaits.ts";

/** What one M/M/c run reports, whichever implementation ran it. */
export interface MmcRunResult extends WaitSummary {
  customers: number;
  /** Customers that found every server busy (wait > 0). */
  delayedCustomers: number;
  /**
   * Entries taken off the event queue, when the implementation counts them (null when it runs
   * through an opaque `run()`); each implementation's own events, so not comparable across them.
   */
  events: number | null;
}
