import { type AddressInfo, createServer, type Socket } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseQueueUrl } from "./queueUrl.ts";
import { checkQueue } from "./redisConnection.ts";
import { type RedisServer, startRedis } from "./testing/redisServer.ts";

let secured: RedisServer;
beforeAll(async () => {
  secured = await startRedis({ password: "s3cret" });
});
afterAll(async () => {
  await secured?.stop();
});

async function failure(url: string, timeoutSeconds = 2): Promise<Error & { exitCode?: number }> {
  return checkQueue(parseQueueUrl(url), timeoutSeconds).then(
    () => Promise.reject(new Error("expected a failure")),
    (error: Error) => error,
  );
}

describe("checkQueue", () => {
  it("accepts a Redis with the right password", async () => {
    await expect(checkQueue(parseQueueUrl(secured.url))).resolves.toBeUndefined();
  });

  it("a wrong or missing password: one line, exit 2, password hidden", async () => {
    const wrong = await failure(`redis://:nope@127.0.0.1:${secured.port}`);
    expect(wrong.message).toBe(
      `cannot use the queue at redis://:***@127.0.0.1:${secured.port}/0: authentication failed (check the user and password in the URL)`,
    );
    expect(wrong.exitCode).toBe(2);
    expect((await failure(`redis://127.0.0.1:${secured.port}`)).message).toMatch(/authentication failed/);
  });

  it("nothing listening: connection refused, exit 2", async () => {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    await new Promise((resolve) => server.close(resolve));
    const error = await failure(`redis://127.0.0.1:${port}`);
    expect(error.message).toBe(`cannot use the queue at redis://127.0.0.1:${port}/0: connection refused (is Redis running there?)`);
    expect(error.exitCode).toBe(2);
  });

  it("a server that accepts but never answers: gives up after the timeout, exit 2", async () => {
    const sockets: Socket[] = [];
    const silent = createServer((socket) => void sockets.push(socket));
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    const { port } = silent.address() as AddressInfo;
    try {
      const error = await failure(`redis://127.0.0.1:${port}`, 1);
      expect(error.message).toBe(`cannot use the queue at redis://127.0.0.1:${port}/0: no answer (no answer within 1 s)`);
      expect(error.exitCode).toBe(2);
    } finally {
      sockets.forEach((socket) => {
        socket.destroy();
      });
      await new Promise((resolve) => silent.close(resolve));
    }
  });
});
