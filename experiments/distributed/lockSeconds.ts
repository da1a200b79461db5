/** BullMQ's default lock, seconds: a task held longer by a worker that stopped answering goes to another. */
export const DEFAULT_LOCK_SECONDS = 30;
