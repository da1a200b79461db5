import { invalidValue, requireFinite } from "../../errors/index.ts";
import { RandomStream } from "./randomStream.ts";

/**
 * Hands out the named streams of one run (one replication). Asking twice for the same name
 * returns the same `RandomStream` object, so two parts of a model that share a random source
 * share its sequence rather than silently restarting it.
 *
 * @example
 * const streams = new StreamFactory(7);
 * streams.stream("arrivals") === streams.stream("arrivals"); // true
 * streams.stream("arrivals").next() !== streams.stream("patience").next(); // independent sequences
 */
export class StreamFactory {
  /** Seed of the run; every stream is seeded from `${seed}:${name}`. */
  readonly seed: string | number;
  #streams = new Map<string, RandomStream>();

  constructor(seed: string | number) {
    if (typeof seed === "number") requireFinite("random seed", seed);
    else if (typeof seed !== "string") throw invalidValue("random seed", seed, "must be a string or a number");
    this.seed = seed;
  }

  /** The stream called `name`, created on first use and cached afterwards. */
  stream(name: string): RandomStream {
    let stream = this.#streams.get(name);
    if (stream === undefined) {
      stream = new RandomStream(this.seed, name);
      this.#streams.set(name, stream);
    }
    return stream;
  }
}
