export { buildCli, CLI_BUNDLE_DIRECTORY, CLI_BUNDLE_FILE, WORKER_BUNDLE_FILE } from "./buildCli.ts";
export { buildWhatIfWorker } from "./buildWhatIfWorker.ts";
