// The --queue flag's definition, apart from the code that parses and opens a queue: a command's
// flag table is loaded when the command starts, the queue's client (bullmq, ioredis) only when used.

/** The environment variable that sets `--queue` for every run command (the flag wins). */
export const QUEUE_ENVIRONMENT = "CONVSIM_QUEUE";

/** The `--queue` flag, shared by the commands that run many replications. */
export const QUEUE_ARG = {
  queue: {
    type: "string",
    description: `run the tasks on remote workers through Redis: redis://[[user]:password@]host[:port][/db] or rediss:// (default: $${QUEUE_ENVIRONMENT}; none: this machine)`,
  },
} as const;
