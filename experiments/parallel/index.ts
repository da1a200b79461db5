export { runTasks, defaultWorkers, TaskPool, type TaskOutcome, type RunTasksOptions } from "./runTasks.ts";
export type { SimulationTask } from "./simulationWorker.ts";
