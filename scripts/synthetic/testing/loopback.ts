// Test servers on loopback ports the OS picks, so test files running at once never collide.

import type { Server } from "node:http";
import { type AddressInfo, createServer } from "node:net";

/** A test server that is listening, and how to stop it. */
export interface LoopbackServer {
  readonly url: string;
  close(): Promise<void>;
}

/** Starts `server` on a free loopback port; `close` drops open keep-alive connections, so it never hangs. */
export async function listenOnLoopback(server: Server): Promise<LoopbackServer> {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A loopback port nothing listens on (taken, then released): a store that is down. */
export async function closedLoopbackPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}
