// A real Redis for tests: Debian's redis-server on a free loopback port, no persistence, stopped after.

import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { type AddressInfo, createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Redis } from "ioredis";

/** A running test Redis. */
export interface RedisServer {
  readonly port: number;
  /** `redis://127.0.0.1:PORT`, or `rediss://` with TLS (with the password when one was set). */
  readonly url: string;
  /** With TLS: the self-signed certificate's file, for NODE_EXTRA_CA_CERTS. */
  readonly caFile?: string;
  /** Stops it (SIGKILL: no persistence, nothing to save). */
  stop(): Promise<void>;
  /** Stops it and starts a fresh, empty one on the same port (a restart without persistence). */
  restart(): Promise<void>;
}

export interface RedisServerOptions {
  password?: string;
  /** Serve TLS only (Debian's redis-server is built with it), with a self-signed certificate for 127.0.0.1 made by openssl. */
  tls?: boolean;
}

/** Starts redis-server on a free loopback port (optionally with `requirepass` and TLS), ready to answer. */
export async function startRedis(options: RedisServerOptions = {}): Promise<RedisServer> {
  const port = await freePort();
  const certificate = options.tls ? selfSignedCertificate() : undefined;
  let child = await launch(port, options.password, certificate);
  const kill = async (): Promise<void> => {
    if (child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once("exit", resolve));
    child.kill("SIGKILL");
    await exited;
  };
  return {
    port,
    caFile: certificate?.certFile,
    url: `${certificate ? "rediss" : "redis"}://${options.password ? `:${encodeURIComponent(options.password)}@` : ""}127.0.0.1:${port}`,
    stop: async () => {
      await kill();
      certificate?.remove();
    },
    restart: async () => {
      await kill();
      child = await launch(port, options.password, certificate);
    },
  };
}

interface Certificate {
  certFile: string;
  keyFile: string;
  remove(): void;
}

function selfSignedCertificate(): Certificate {
  const folder = mkdtempSync(join(tmpdir(), "convsim-redis-tls-"));
  const certFile = join(folder, "cert.pem");
  const keyFile = join(folder, "key.pem");
  execFileSync(
    "openssl",
    [
      "req",
      "-x509",
      "-newkey",
      "rsa:2048",
      "-nodes",
      "-keyout",
      keyFile,
      "-out",
      certFile,
      "-days",
      "1",
      "-subj",
      "/CN=127.0.0.1",
      "-addext",
      "subjectAltName=IP:127.0.0.1",
    ],
    { stdio: "ignore" },
  );
  return { certFile, keyFile, remove: () => rmSync(folder, { recursive: true, force: true }) };
}

async function launch(port: number, password?: string, certificate?: Certificate): Promise<ChildProcess> {
  // With TLS the plain port is off (--port 0): a client that does not speak TLS gets nowhere.
  const listen = certificate
    ? [
        "--port",
        "0",
        "--tls-port",
        String(port),
        "--tls-cert-file",
        certificate.certFile,
        "--tls-key-file",
        certificate.keyFile,
        "--tls-ca-cert-file",
        certificate.certFile,
        "--tls-auth-clients",
        "no",
      ]
    : ["--port", String(port)];
  const args = [...listen, "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", ...(password ? ["--requirepass", password] : [])];
  const child = spawn("redis-server", args, { stdio: "ignore" });
  const tls = certificate ? { ca: readFileSync(certificate.certFile) } : undefined;
  for (let attempt = 0; attempt < 100; attempt++) {
    const client = new Redis({ port, host: "127.0.0.1", password, tls, lazyConnect: true, retryStrategy: () => null, maxRetriesPerRequest: 0 });
    client.on("error", () => {});
    try {
      await client.connect();
      await client.ping();
      return child;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 50));
    } finally {
      client.disconnect();
    }
  }
  child.kill("SIGKILL");
  throw new Error(`redis-server did not start on port ${port}`);
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}
