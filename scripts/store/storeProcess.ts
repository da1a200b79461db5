// Test and bench support (not exported from index.ts): the store as its own process, as `npm run
// store` runs it, so it can be killed (SIGKILL) and started again on the same data.
import { type ChildProcess, spawn } from "node:child_process";
import { createServer } from "node:net";
import { fileURLToPath } from "node:url";

const projectRoot = fileURLToPath(new URL("../..", import.meta.url));

/** A free loopback port (the store is restarted on the same one). */
export function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const port = (server.address() as { port: number }).port;
      server.close(() => resolve(port));
    });
  });
}

/** A store process, once it listens. */
export interface StoreProcess {
  readonly child: ChildProcess;
  /** Everything it wrote to stdout so far. */
  readonly stdout: () => string;
  /** SIGKILL (a crash: nothing flushed, nothing closed) and wait for the exit. */
  kill(): Promise<void>;
  /** SIGTERM (graceful close) and wait for the exit. */
  stop(): Promise<void>;
}

/** Starts `convsim store --port PORT --data DIR ...extra` and resolves when it is listening. */
export function startStoreProcess(
  port: number,
  dataDir: string,
  extra: readonly string[] = [],
  stderr: "inherit" | "ignore" = "inherit",
): Promise<StoreProcess> {
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/cli/main.ts", "store", "--port", String(port), "--data", dataDir, ...extra], {
    cwd: projectRoot,
    stdio: ["ignore", "pipe", stderr],
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const signal = async (name: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(name);
    await exited;
  };
  let out = "";
  return new Promise((resolve, reject) => {
    child.stdout!.on("data", (chunk) => {
      out += chunk;
      if (out.includes("store listening on")) resolve({ child, stdout: () => out, kill: () => signal("SIGKILL"), stop: () => signal("SIGTERM") });
    });
    child.once("exit", (code) => reject(new Error(`store exited with ${code} before listening: ${out}`)));
  });
}
