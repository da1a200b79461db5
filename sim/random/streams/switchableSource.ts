import type { UniformSource } from "./uniformSource.ts";

/**
 * A `UniformSource` that forwards to whichever source is `current`. Build each sampler once,
 * bound to one switchable source, then point `current` at the entity whose randomness is being
 * drawn (e.g. a shopper's `ChildStream`) just before sampling: no per-entity samplers, no
 * allocation per draw.
 *
 * @example
 * const source = new SwitchableSource(streams.stream("placeholder"));
 * const patience = makeSampler({ kind: "exponential", mean: 90 }, source);
 * source.current = shopperPatienceStream;
 * patience.sample(); // drawn from shopperPatienceStream
 */
export class SwitchableSource implements UniformSource {
  /** The source `next()` currently reads from. */
  current: UniformSource;

  constructor(initial: UniformSource) {
    this.current = initial;
  }

  /** Next uniform number in (0, 1) from `current`. */
  next(): number {
    return this.current.next();
  }
}
