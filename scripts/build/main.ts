// `npm ci`'s `prepare` step (and `npx tsx scripts/build/main.ts` by hand): builds the CLI bundle.
// Kept apart from buildCli.ts, which the CLI bundle itself contains: a CommonJS bundle cannot hold a
// module with top-level await.
import { buildCli } from "./buildCli.ts";

await buildCli();
