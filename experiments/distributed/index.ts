export { codeVersion, queueName } from "./codeVersion.ts";
export { DEFAULT_KEEP_SECONDS, DEFAULT_LOST_AFTER_SECONDS, QueueBackend, type QueueBackendOptions } from "./QueueBackend.ts";
export { QueueError } from "./QueueError.ts";
export { DEFAULT_LOCK_SECONDS, MAX_STALLED_COUNT, QueueWorker, type QueueWorkerOptions } from "./QueueWorker.ts";
export { DEFAULT_REDIS_PORT, hidePassword, parseQueueUrl, type QueueTarget } from "./queueUrl.ts";
export { checkQueue, DEFAULT_CONNECT_TIMEOUT_SECONDS } from "./redisConnection.ts";
export { decodeResults, decodeTask, encodeResults, encodeTasks, runId, type TaskJobData } from "./taskCodec.ts";
