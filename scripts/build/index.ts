export { buildCli, CLI_BUNDLE_DIRECTORY, WORKER_BUNDLE_FILE } from "./buildCli.ts";
export { buildWhatIfWorker } from "./buildWhatIfWorker.ts";
