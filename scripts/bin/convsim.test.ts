import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const BIN = fileURLToPath(new URL("./convsim.cjs", import.meta.url));
const packageJson = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as {
  version: string;
  scripts: Record<string, string>;
  bin: Record<string, string>;
};

describe("the convsim bin", () => {
  it("runs as an executable through its shebang, with the Node flags it declares", () => {
    const run = spawnSync(BIN, ["--version"], { encoding: "utf8" });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toBe(`${packageJson.version}\n`);
    expect(packageJson.bin.convsim).toBe("scripts/bin/convsim.cjs");
  });

  it("every npm script that runs the bin passes exactly the Node flags of its shebang (one setting, not two)", () => {
    const shebang = readFileSync(BIN, "utf8").split("\n")[0];
    const flags = /^#!\/usr\/bin\/env -S node((?: --[\w-]+=\S+)*)$/.exec(shebang);
    expect(flags, shebang).not.toBeNull();
    expect(flags![1].trim()).toBe("--max-semi-space-size=2");
    const running = Object.entries(packageJson.scripts).filter(([, command]) => command.includes("scripts/bin/convsim.cjs"));
    expect(running.map(([name]) => name)).toEqual(expect.arrayContaining(["start", "simulate", "staff", "compare", "check", "schema"]));
    for (const [name, command] of running) expect(command, name).toMatch(new RegExp(`^node ${flags![1].trim()} scripts/bin/convsim\\.cjs `));
  });
});
