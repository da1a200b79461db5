export { defaultWorkers, describeError, type RunTasksOptions, runTasks, type TaskBackend, type TaskOutcome, TaskPool } from "./runTasks.ts";
export type { SimulationTask } from "./simulationWorker.ts";
export { bundledTask, type WorkerModule, workerModule } from "./workerModule.ts";
