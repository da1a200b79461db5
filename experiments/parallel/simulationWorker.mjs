// Pool thread entry, in plain JavaScript so any host can load it (the tsx CLI, vitest, node):
// it registers tsx for this thread, then loads the TypeScript task function.
import { register } from "tsx/esm/api";

register();
const { default: runSimulationTask } = await import("./simulationWorker.ts");

export default runSimulationTask;
