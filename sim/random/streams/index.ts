// Seeded named streams: one per random source, derived from `${seed}:${name}`.
export { ChildStream } from "./childStream.ts";
export { RandomStream } from "./randomStream.ts";
export { StreamFactory } from "./streamFactory.ts";
export { SwitchableSource } from "./switchableSource.ts";
export type { UniformSource } from "./uniformSource.ts";
