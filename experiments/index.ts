export * from "./scenario/index.ts";
export * from "./run/index.ts";
