export { QueueBackend, DEFAULT_LOST_AFTER_SECONDS, DEFAULT_KEEP_SECONDS, type QueueBackendOptions } from "./QueueBackend.ts";
export { QueueWorker, DEFAULT_LOCK_SECONDS, MAX_STALLED_COUNT, type QueueWorkerOptions } from "./QueueWorker.ts";
export { QueueError } from "./QueueError.ts";
export { parseQueueUrl, hidePassword, DEFAULT_REDIS_PORT, type QueueTarget } from "./queueUrl.ts";
export { checkQueue, DEFAULT_CONNECT_TIMEOUT_SECONDS } from "./redisConnection.ts";
export { codeVersion, queueName } from "./codeVersion.ts";
export { encodeTasks, decodeTask, encodeResults, decodeResults, runId, type TaskJobData } from "./taskCodec.ts";
