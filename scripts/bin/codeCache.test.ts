import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compileWithCodeCache, MODULE_WRAPPER, saveCodeCache } from "./codeCache.cjs";

let folder: string;
beforeAll(() => {
  folder = mkdtempSync(join(tmpdir(), "convsim-code-cache-"));
});
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const CODE_CACHE = fileURLToPath(new URL("./codeCache.cjs", import.meta.url));

/** Runs a compiled module function as the loader does and returns its exports. */
function exportsOf(script: ReturnType<typeof compileWithCodeCache>["script"], filename: string): Record<string, unknown> {
  const module = { exports: {} as Record<string, unknown> };
  script.runInThisContext()(module.exports, require, module, filename, folder);
  return module.exports;
}

/** A module as the build writes it: a CommonJS module inside its module function. */
const wrapped = (body: string): string => `${MODULE_WRAPPER[0]}${body}${MODULE_WRAPPER[1]}`;
const TEXT = wrapped("exports.square = (x) => x * x;\nexports.sum = (values) => values.reduce((a, b) => a + b, 0);\n");

describe("compileWithCodeCache and saveCodeCache", () => {
  it("without a cache the text is compiled; the saved cache is then accepted by V8 and runs the same code", () => {
    const cacheFile = join(folder, "first", "square.bin");
    const first = compileWithCodeCache(TEXT, "square.cjs", cacheFile);
    expect(first.cache).toBe("missing");
    const firstExports = exportsOf(first.script, "square.cjs");
    expect((firstExports.square as (x: number) => number)(7)).toBe(49);
    saveCodeCache(first.script, cacheFile); // its folder is made
    expect(existsSync(cacheFile)).toBe(true);
    // Another file name: V8's in-memory cache of this process (keyed by text and name) cannot answer, the file must.
    const second = compileWithCodeCache(TEXT, "square-again.cjs", cacheFile);
    expect(second.cache).toBe("accepted");
    const secondExports = exportsOf(second.script, "square-again.cjs");
    expect((secondExports.sum as (values: number[]) => number)([1, 2, 3.5])).toBe(6.5);
    expect(readdirSync(join(folder, "first"))).toEqual(["square.bin"]); // no `.partial` left
  });

  it("a cache that is not V8's (garbage, another V8) is rejected and the text compiled as if there were none", () => {
    const cacheFile = join(folder, "garbage.bin");
    writeFileSync(cacheFile, Buffer.alloc(4096, 7));
    const compiled = compileWithCodeCache(TEXT, "square-garbage.cjs", cacheFile);
    expect(compiled.cache).toBe("rejected");
    expect((exportsOf(compiled.script, "square-garbage.cjs").square as (x: number) => number)(-3)).toBe(9);
  });

  it("a cache that cannot be written (its folder would be under a file) is skipped without an error", () => {
    const blocker = join(folder, "a-file");
    writeFileSync(blocker, "");
    const { script } = compileWithCodeCache(TEXT, "square.cjs", join(blocker, "cache.bin"));
    expect(() => saveCodeCache(script, join(blocker, "cache.bin"))).not.toThrow();
    expect(existsSync(join(blocker, "cache.bin"))).toBe(false);
  });
});

describe("installBundleLoader", () => {
  /** A built CLI in miniature: an entry that loads a command's script through the loader, then exits with `code`. */
  function runMiniature(directory: string, code: number, nodeFlags: readonly string[] = []): { status: number | null; stdout: string } {
    const program = [
      `const { installBundleLoader } = require(${JSON.stringify(CODE_CACHE)});`,
      `const load = installBundleLoader(${JSON.stringify(directory)}, ${JSON.stringify(join(directory, "code-cache"))}, "00ff00ff00ff00ff");`,
      'const entry = load("entry.cjs");',
      "process.stdout.write(String(entry.answer));",
      `process.exitCode = ${code};`,
    ].join("\n");
    const main = join(directory, "..", `${basename(directory)}-main.cjs`);
    writeFileSync(main, program);
    const run = spawnSync(process.execPath, [...nodeFlags, main], { encoding: "utf8" });
    return { status: run.status, stdout: run.stdout };
  }

  it("loads scripts with their own require, each cached after a successful run under the build's hash; a failed run writes none", () => {
    const directory = join(folder, "mini");
    mkdirSync(join(directory, "commands"), { recursive: true });
    writeFileSync(
      join(directory, "entry.cjs"),
      wrapped(
        'const load = globalThis[Symbol.for("convsim.loadBundle")];\nexports.answer = load("./commands/six.cjs").six() * 7 + require("node:path").sep.length - 1;\n',
      ),
    );
    writeFileSync(join(directory, "commands", "six.cjs"), wrapped("exports.six = () => 6;\n"));
    expect(runMiniature(directory, 3)).toEqual({ status: 3, stdout: "42" });
    expect(existsSync(join(directory, "code-cache"))).toBe(false);
    expect(runMiniature(directory, 0)).toEqual({ status: 0, stdout: "42" });
    expect(readdirSync(join(directory, "code-cache")).sort()).toEqual(["00ff00ff00ff00ff-commands_six.cjs.bin", "00ff00ff00ff00ff-entry.cjs.bin"]);
    // The saved caches are V8's for those texts.
    const cached = compileWithCodeCache(wrapped("exports.six = () => 6;\n"), "six.cjs", join(directory, "code-cache", "00ff00ff00ff00ff-commands_six.cjs.bin"));
    expect(cached.cache).toBe("accepted");
    expect(runMiniature(directory, 0)).toEqual({ status: 0, stdout: "42" });
    // Under other Node flags V8 would reject those caches: they get caches of their own, named by the flags.
    expect(runMiniature(directory, 0, ["--max-semi-space-size=2"])).toEqual({ status: 0, stdout: "42" });
    const flagged = readdirSync(join(directory, "code-cache")).filter((name) => /^00ff00ff00ff00ff-[0-9a-f]{8}-/.test(name));
    expect(flagged.sort()).toEqual([expect.stringMatching(/-commands_six\.cjs\.bin$/), expect.stringMatching(/-entry\.cjs\.bin$/)]);
    expect(readdirSync(join(directory, "code-cache"))).toHaveLength(4);
  });
});
