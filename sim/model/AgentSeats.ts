/** One agent seat's figures; the live store's agent analytics use the same names. */
export interface AgentFigures {
  /** Seat id in the pool (0, 1, ...). */
  readonly agent: number;
  readonly chatsHandled: number;
  readonly meanHandleSeconds: number | null;
  /** Time holding at least one chat ÷ time logged in. */
  readonly occupancy: number | null;
  /** Orders placed by shoppers this agent's chat rescued. */
  readonly rescuedOrders: number;
}

/** Seconds each seat has been present and busy (SlotPool.serverSeconds). */
export interface SeatSeconds {
  readonly present: readonly number[];
  readonly busy: readonly number[];
}

/**
 * The per-seat tallies of one desk: chats, handle time and rescued orders by seat, and the seats'
 * present and busy seconds read at the end of the warm-up and at the horizon. Seats are positions in
 * the pool: an agent who logs out frees the seat for the next one.
 */
export class AgentSeats {
  readonly #chats: number[] = [];
  readonly #handleSeconds: number[] = [];
  readonly #rescuedOrders: number[] = [];
  #atWarmup: SeatSeconds | null = null;
  #atHorizon: SeatSeconds | null = null;

  /** A counted chat of `handleSeconds` ended at `seat`. */
  addChat(seat: number, handleSeconds: number): void {
    this.#chats[seat] = (this.#chats[seat] ?? 0) + 1;
    this.#handleSeconds[seat] = (this.#handleSeconds[seat] ?? 0) + handleSeconds;
  }

  /** A counted order rescued by the chat of `seat`. */
  addRescuedOrder(seat: number): void {
    this.#rescuedOrders[seat] = (this.#rescuedOrders[seat] ?? 0) + 1;
  }

  markWarmupEnd(seconds: SeatSeconds): void {
    this.#atWarmup = seconds;
  }

  markHorizon(seconds: SeatSeconds): void {
    this.#atHorizon = seconds;
  }

  /** Figures per seat over [warm-up, horizon]; `now` stands in for the horizon before it is reached. */
  figures(now: SeatSeconds): AgentFigures[] {
    const start = this.#atWarmup;
    const end = this.#atHorizon ?? now;
    return end.present.map((present, agent) => {
      const presentSeconds = present - (start?.present[agent] ?? 0);
      const busySeconds = end.busy[agent] - (start?.busy[agent] ?? 0);
      const chatsHandled = this.#chats[agent] ?? 0;
      return {
        agent,
        chatsHandled,
        meanHandleSeconds: chatsHandled > 0 ? this.#handleSeconds[agent] / chatsHandled : null,
        occupancy: presentSeconds > 0 ? busySeconds / presentSeconds : null,
        rescuedOrders: this.#rescuedOrders[agent] ?? 0,
      };
    });
  }
}
