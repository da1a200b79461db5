import { createHash } from "node:crypto";
import { deserialize, serialize } from "node:v8";
import type { ModelConfig, SimulationResults } from "../../sim/model/index.ts";
import type { SimulationTask } from "../parallel/index.ts";

/**
 * One task as a queue job carries it: data only. The model config travels in V8's serialization
 * (what worker threads use to pass it, so a remote task gets exactly what a pool thread gets,
 * `Infinity` included, which JSON would turn into null), base64-encoded; deserializing it builds
 * plain objects, arrays and numbers and never runs code. The worker runs the project's own task
 * function on it and nothing else.
 */
export interface TaskJobData {
  /** The code version of the coordinator (`codeVersion()`): a worker of another version refuses the task. */
  version: string;
  /** SHA-256 of the config's bytes: the scenario content the task runs; checked by the worker. */
  configHash: string;
  /** The model config, V8-serialized, base64. */
  config: string;
  seed: string | number;
  variant?: string;
  world?: number;
  replication?: number;
  staffing?: number;
}

/** The tasks as job data, in task order. Each distinct config is serialized and hashed once. */
export function encodeTasks(tasks: readonly SimulationTask[], version: string): TaskJobData[] {
  const encoded = new Map<ModelConfig, { config: string; configHash: string }>();
  return tasks.map(({ config, seed, ...labels }) => {
    let entry = encoded.get(config);
    if (entry === undefined) {
      const bytes = serialize(config);
      entry = { config: bytes.toString("base64"), configHash: sha256(bytes) };
      encoded.set(config, entry);
    }
    return { version, ...entry, seed, ...labels };
  });
}

/**
 * The task a job carries, after checking it: the version must be `version` and the config's bytes
 * must hash to `configHash` (a truncated or altered job is refused, never run). Throws a one-line
 * Error saying which check failed.
 */
export function decodeTask(data: TaskJobData, version: string): SimulationTask {
  if (data.version !== version) throw new Error(`refused: the task comes from convsim ${data.version}, this worker runs ${version}`);
  const bytes = Buffer.from(data.config, "base64");
  if (sha256(bytes) !== data.configHash) throw new Error(`refused: the task's scenario does not match its hash ${data.configHash.slice(0, 12)}`);
  const { config: _config, configHash: _hash, version: _version, ...rest } = data;
  return { ...rest, config: deserialize(bytes) as ModelConfig };
}

/** Results as a job's return value (V8 serialization, base64: decodes to exactly what a pool thread returns). */
export function encodeResults(results: SimulationResults): string {
  return serialize(results).toString("base64");
}

/** The results a job returned. */
export function decodeResults(text: string): SimulationResults {
  return deserialize(Buffer.from(text, "base64")) as SimulationResults;
}

/**
 * A batch's id, from its content: the version and every task's config hash, seed and labels, in
 * order. The same command run again makes the same ids, so its jobs are found, not queued twice.
 */
export function runId(jobs: readonly TaskJobData[]): string {
  const hash = createHash("sha256");
  for (const { config: _config, ...identity } of jobs) hash.update(`${JSON.stringify(identity)}\n`);
  return hash.digest("hex").slice(0, 20);
}

function sha256(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}
