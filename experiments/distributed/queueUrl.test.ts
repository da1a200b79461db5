import { describe, expect, it } from "vitest";
import { QueueError } from "./QueueError.ts";
import { hidePassword, parseQueueUrl } from "./queueUrl.ts";

describe("parseQueueUrl", () => {
  it("reads host, port, database, user and percent-encoded password; the display hides the password", () => {
    const target = parseQueueUrl("redis://team:p%40ss%2Fword@redis.internal:6380/3");
    expect(target).toEqual({
      display: "redis://team:***@redis.internal:6380/3",
      host: "redis.internal",
      port: 6380,
      db: 3,
      username: "team",
      password: "p@ss/word",
      tls: false,
    });
  });

  it("defaults to port 6379 and database 0; rediss:// asks for TLS; a password without user is Redis's default user", () => {
    expect(parseQueueUrl("redis://localhost")).toMatchObject({ host: "localhost", port: 6379, db: 0, tls: false, display: "redis://localhost/0" });
    expect(parseQueueUrl("rediss://:secret@cache.example.com")).toMatchObject({
      tls: true,
      username: undefined,
      password: "secret",
      display: "rediss://:***@cache.example.com/0",
    });
    expect(parseQueueUrl("redis://[::1]:7000")).toMatchObject({ host: "::1", port: 7000 });
  });

  it.each([
    ["http://localhost:6379", /^invalid --queue: "http:\/\/localhost:6379" \(must be redis:\/\//],
    ["localhost:6379", /^invalid --queue: "localhost:6379" \(must be redis:\/\//],
    ["redis://:hunter2@host/abc", /^invalid --queue: "redis:\/\/:\*\*\*@host\/abc" \(the database must be a number/],
    ["redis://host:6379/0?tls=1", /^invalid --queue: .*\(no query or fragment allowed/],
    ["not a url", /^invalid --queue: "not a url"/],
  ])("rejects %s in one line, never showing the password", (text, message) => {
    let error: unknown;
    try {
      parseQueueUrl(text);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(QueueError);
    expect((error as QueueError).exitCode).toBe(2);
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message).not.toMatch(/hunter2/);
  });

  it("names the field it was given (the environment variable)", () => {
    expect(() => parseQueueUrl("ftp://x", "CONVSIM_QUEUE")).toThrow(/^invalid CONVSIM_QUEUE: "ftp:\/\/x"/);
  });
});

describe("hidePassword", () => {
  it("replaces the password of a scheme://user:password@ prefix and leaves other text alone", () => {
    expect(hidePassword("redis://u:pw@h:1/0")).toBe("redis://u:***@h:1/0");
    expect(hidePassword("redis://:pw@h")).toBe("redis://:***@h");
    expect(hidePassword("redis://h:6379")).toBe("redis://h:6379");
  });
});
