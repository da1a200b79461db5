import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { MAX_DATA_FILE_BYTES, MAX_DATA_KEYS, parseDataText, readDataFile } from "./readDataFile.ts";
import { problemsOf } from "./testScenarios.ts";

const folder = mkdtempSync(join(tmpdir(), "convsim-read-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** The ScenarioError's lines, joined. */
const problemOf = (read: () => unknown): string => problemsOf(read).join("\n");

describe("readDataFile limits", () => {
  it("readDataFile refuses a 5 MB file by its size, before parsing it", () => {
    const path = join(folder, "garbage.yaml");
    // Garbage that does not parse: had the parser run first, its syntax error would be the answer;
    // the size line (and only it) shows the file was refused by its size before any parsing.
    writeFileSync(path, "{[:&*".repeat(1_000_000));
    expect(problemOf(() => readDataFile(path, "scenario file"))).toMatch(
      /^invalid scenario file .*garbage\.yaml: 5000000 bytes \(must be at most 131072 bytes\)$/,
    );
    expect(problemOf(() => parseDataText("{[:&*".repeat(1000), "f"))).toMatch(/^invalid f: YAML syntax error/);
  });

  it("readDataFile reads a file of exactly MAX_DATA_FILE_BYTES", () => {
    const path = join(folder, "full.yaml");
    const line = "# padding\n";
    writeFileSync(path, `name: x\n${line.repeat((MAX_DATA_FILE_BYTES - 8) / line.length)}`.padEnd(MAX_DATA_FILE_BYTES, "#"));
    expect(readDataFile(path, "scenario file")).toEqual({ name: "x" });
  });

  it("readDataFile names a directory as one", () => {
    expect(problemOf(() => readDataFile(folder, "scenario file"))).toMatch(/^cannot read scenario file .+: is a directory$/);
  });
});

describe("parseDataText", () => {
  it("parseDataText refuses more than MAX_DATA_KEYS keys with the line of the first key too many", () => {
    const text = Array.from({ length: MAX_DATA_KEYS + 1 }, (_, i) => `k${i}: 1`).join("\n");
    expect(problemOf(() => parseDataText(text, "scenario file x"))).toBe(
      `invalid scenario file x: YAML syntax error at line ${MAX_DATA_KEYS + 1}, column 1: more than ${MAX_DATA_KEYS} keys`,
    );
  });

  it("parseDataText finds a duplicate key among many in one pass", () => {
    const text = `${Array.from({ length: MAX_DATA_KEYS - 1 }, (_, i) => `k${i}: 1`).join("\n")}\nk5: 2\n`;
    expect(problemOf(() => parseDataText(text, "f"))).toBe(`invalid f: YAML syntax error at line ${MAX_DATA_KEYS}, column 1: Map keys must be unique`);
  });

  it.each([
    ["a circular alias", "a: &a\n  b: *a\n", "invalid f: YAML syntax error at line 2, column 6: alias *a refers to a value that contains it"],
    ["a circular alias in a list", "a: &a [1, *a]\n", "invalid f: YAML syntax error at line 1, column 11: alias *a refers to a value that contains it"],
    ["a list as a key", "? [1]\n: 2\n", "invalid f: YAML syntax error at line 1, column 3: map keys must be plain values"],
    [
      "an alias bomb",
      `a: &a [x, x]\n${Array.from({ length: 8 }, (_, i) => `${"bcdefghi"[i]}: &${"bcdefghi"[i]} [*${"abcdefgh"[i]}, *${"abcdefgh"[i]}]`).join("\n")}\n`,
      /^invalid f: YAML alias error: .+$/,
    ],
  ])("parseDataText reports %s on one line", (_, text, expected) => {
    const problem = problemOf(() => parseDataText(text, "f"));
    if (typeof expected === "string") expect(problem).toBe(expected);
    else expect(problem).toMatch(expected);
  });

  it("parseDataText keeps a shared (non-circular) alias", () => {
    expect(parseDataText("a: &x [1]\nb: *x\n", "f")).toEqual({ a: [1], b: [1] });
  });
});
