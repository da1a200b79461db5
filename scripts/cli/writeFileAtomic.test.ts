import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { thrown } from "../../experiments/scenario/testScenarios.ts";
import { UsageError } from "./UsageError.ts";
import { checkOutputPaths, writeFileAtomic } from "./writeFileAtomic.ts";

const folder = mkdtempSync(join(tmpdir(), "convsim-write-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** The one UsageError line `write` throws. */
const usageLine = (write: () => void): string => thrown(UsageError, write).message;

describe("writeFileAtomic", () => {
  it("writeFileAtomic writes the whole file, creates missing folders and leaves no temporary file", () => {
    const path = join(folder, "new", "deeper", "out.json");
    writeFileAtomic(path, "{}\n");
    writeFileAtomic(path, "[1]\n");
    expect(readFileSync(path, "utf8")).toBe("[1]\n");
    expect(readdirSync(join(folder, "new", "deeper"))).toEqual(["out.json"]);
  });

  it("writeFileAtomic refuses an existing directory with one line and writes nothing", () => {
    const path = join(folder, "a-directory");
    mkdirSync(path);
    expect(usageLine(() => writeFileAtomic(path, "x"))).toBe(`cannot write ${path}: is a directory`);
    expect(readdirSync(path)).toEqual([]);
  });

  it("writeFileAtomic refuses a path under a file", () => {
    const file = join(folder, "a-file");
    writeFileSync(file, "keep");
    expect(usageLine(() => writeFileAtomic(join(file, "sub", "out.json"), "x"))).toBe(
      `cannot write ${join(file, "sub", "out.json")}: ${file} is a file, not a directory`,
    );
    expect(readFileSync(file, "utf8")).toBe("keep");
  });

  it("writeFileAtomic under /proc/1 fails at once with one line (Node 20's recursive mkdir would loop forever)", () => {
    const started = performance.now();
    expect(usageLine(() => writeFileAtomic("/proc/1/nope/out.json", "x"))).toMatch(
      /^cannot write \/proc\/1\/nope\/out\.json: (no such file|permission denied|operation not permitted) \(creating \/proc\/1\/nope\)$/,
    );
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it("writeFileAtomic names a folder it may not write to", () => {
    // As root, permissions do not stop a write; /sys refuses new files for everyone.
    const path = process.getuid?.() === 0 ? "/sys/convsim-out.json" : "/out.json";
    expect(usageLine(() => writeFileAtomic(path, "x"))).toMatch(
      new RegExp(`^cannot write ${path.replace(/\./g, "\\.")}: (permission denied|operation not permitted|read-only file system)$`),
    );
    expect(existsSync(path)).toBe(false);
  });
});

describe("checkOutputPaths", () => {
  it("checkOutputPaths skips absent paths and refuses the first bad one", () => {
    expect(() => checkOutputPaths(undefined, join(folder, "fine.json"))).not.toThrow();
    expect(usageLine(() => checkOutputPaths(join(folder, "fine.json"), folder))).toBe(`cannot write ${folder}: is a directory`);
  });
});
