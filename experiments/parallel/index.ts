export { runTasks, defaultWorkers, type TaskOutcome, type RunTasksOptions } from "./runTasks.ts";
export type { SimulationTask } from "./simulationWorker.ts";
