import Fastify, { type FastifyInstance } from "fastify";
import { afterEach, describe, expect, it } from "vitest";
import { LiveStreams } from "./LiveStreams.ts";

/** A promise whose settling the test decides. */
function deferred(): { promise: Promise<void>; resolve: () => void; reject: (error: Error) => void } {
  let resolve!: () => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<void>((yes, no) => {
    resolve = yes;
    reject = no;
  });
  promise.catch(() => {});
  return { promise, resolve, reject };
}

/** The `data:` lines received so far on a real server-sent event stream, parsed. */
async function openStream(url: string): Promise<{ received: unknown[]; close: () => void }> {
  const controller = new AbortController();
  const response = await fetch(url, { signal: controller.signal });
  const received: unknown[] = [];
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let buffer = "";
  void (async () => {
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        buffer += decoder.decode(value, { stream: true });
        let end = buffer.indexOf("\n\n");
        while (end >= 0) {
          const data = buffer
            .slice(0, end)
            .split("\n")
            .find((line) => line.startsWith("data: "));
          if (data) received.push(JSON.parse(data.slice("data: ".length)));
          buffer = buffer.slice(end + 2);
          end = buffer.indexOf("\n\n");
        }
      }
    } catch {
      // aborted by close()
    }
  })();
  return { received, close: () => controller.abort() };
}

const until = async (condition: () => boolean) => {
  for (let i = 0; i < 200 && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 10));
};
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let app: FastifyInstance | null = null;
let streams: LiveStreams | null = null;
afterEach(async () => {
  streams?.closeAll();
  await app?.close();
  app = streams = null;
});

async function serve(settled: () => Promise<void>, view: () => unknown): Promise<string> {
  streams = new LiveStreams(Date.now, settled);
  const live = streams;
  app = Fastify();
  app.get("/stream", async (request, reply) => live.open(request, reply, "chat", view));
  return `${await app.listen({ host: "127.0.0.1", port: 0 })}/stream`;
}

describe("LiveStreams over a real HTTP server", () => {
  it("sends a changed view only once the log says everything before it is on disk", async () => {
    let durable = deferred();
    const state = { status: "waiting" };
    const stream = await openStream(
      await serve(
        () => durable.promise,
        () => ({ ...state }),
      ),
    );
    await until(() => stream.received.length === 1);
    expect(stream.received).toEqual([{ status: "waiting" }]);

    state.status = "ended";
    streams!.refresh();
    await pause(150);
    expect(stream.received).toHaveLength(1);
    durable.resolve();
    await until(() => stream.received.length === 2);
    expect(stream.received).toEqual([{ status: "waiting" }, { status: "ended" }]);

    // The view computed before a change is what goes out, even when the write lands after the change.
    durable = deferred();
    state.status = "rated";
    streams!.refresh();
    await pause(50);
    state.status = "closed";
    durable.resolve();
    await until(() => stream.received.length === 3);
    await pause(50);
    expect(stream.received).toEqual([{ status: "waiting" }, { status: "ended" }, { status: "rated" }]);
    stream.close();
  });

  it("a failed log sends nothing further; an unchanged view is not sent again", async () => {
    const failed = deferred();
    const state = { status: "waiting" };
    let settled = () => Promise.resolve();
    const stream = await openStream(
      await serve(
        () => settled(),
        () => ({ ...state }),
      ),
    );
    await until(() => stream.received.length === 1);
    streams!.refresh();
    await pause(100);
    expect(stream.received).toHaveLength(1);

    settled = () => failed.promise;
    failed.reject(new Error("disk full"));
    state.status = "ended";
    streams!.refresh();
    await pause(150);
    expect(stream.received).toEqual([{ status: "waiting" }]);
    stream.close();
  });
});
