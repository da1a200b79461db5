export { buildCli, CLI_BUNDLE_DIRECTORY, WORKER_BUNDLE_FILE } from "./buildCli.ts";
