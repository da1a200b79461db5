export { runTasks, defaultWorkers, describeError, TaskPool, type TaskOutcome, type RunTasksOptions, type TaskBackend } from "./runTasks.ts";
export { bundledTask, workerModule, type WorkerModule } from "./workerModule.ts";
export type { SimulationTask } from "./simulationWorker.ts";
