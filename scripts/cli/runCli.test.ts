import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { VERSION } from "../../experiments/run/version.ts";
import { cliInProcess } from "./cliInProcess.ts";
import { COMMANDS } from "./commandTable.ts";
import { kebab } from "./kebab.ts";

const projectRoot = fileURLToPath(new URL("../..", import.meta.url));
const readme = readFileSync(new URL("../../README.md", import.meta.url), "utf8");

/** The flags the README's commands table gives a command (its first column only). */
function readmeFlags(command: string): Set<string> {
  const invocation = command === "start" ? "npm start" : command === "init" || command === "worker" ? `npx convsim ${command}` : `npm run ${command}`;
  const row = readme.split("\n").find((line) => line.startsWith(`| \`${invocation} `) || line.startsWith(`| \`${invocation}\``));
  if (row === undefined) throw new Error(`no README row for ${command}`);
  const firstColumn = row.split(" | ")[0];
  return new Set([...firstColumn.matchAll(/--[a-z][a-z-]*/g)].map((match) => match[0]));
}

describe("runCli", () => {
  it("runCli(['--help']) lists every command, the exit codes and a next step, without colour", async () => {
    const run = await cliInProcess("--help");
    expect(run.code).toBe(0);
    for (const entry of COMMANDS) expect(run.stdout).toContain(`  ${entry.name} `);
    expect(run.stdout).toMatch(/exit codes:\n {2}0 +done\n {2}1 +.*\n {2}2 +bad input.*\n {2}130 +interrupted/);
    expect(run.stdout).toMatch(/\nnext: /);
    expect(run.stdout).not.toContain("\x1b[");
    expect((await cliInProcess()).stdout).toBe(run.stdout);
    expect((await cliInProcess("help")).stdout).toBe(run.stdout);
  });

  it("runCli(['--version']) and ['-v'] print the package version alone", async () => {
    const packageVersion = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")).version;
    expect(await cliInProcess("--version")).toEqual({ code: 0, stdout: `${packageVersion}\n`, stderr: "" });
    expect((await cliInProcess("-v")).stdout).toBe(`${VERSION}\n`);
  });

  it("runCli(['help', command]) equals `command --help`, and both list exactly the README's flags in kebab-case", async () => {
    const readmeMismatches: string[] = [];
    for (const entry of COMMANDS) {
      const viaHelp = await cliInProcess("help", entry.name);
      const viaFlag = await cliInProcess(entry.name, "--help");
      expect(viaHelp.code).toBe(0);
      expect(viaFlag.stdout).toBe(viaHelp.stdout);
      expect(viaHelp.stdout).toMatch(new RegExp(`^convsim ${entry.name}: `));
      // The flag table help reads (each command's module imports the same table as its args).
      const args = (await entry.args()) as Record<string, { type: string; default?: unknown }>;
      const flags = new Set(
        Object.entries(args)
          .filter(([, arg]) => arg.type !== "positional")
          .map(([name, arg]) => (arg.type === "boolean" && arg.default === true ? `--no-${kebab(name)}` : `--${kebab(name)}`)),
      );
      for (const flag of flags) expect(viaHelp.stdout, `${entry.name} help shows ${flag}`).toContain(`  ${flag}`);
      expect(viaHelp.stdout).not.toMatch(/--[a-z]+[A-Z]/); // no camelCase flag anywhere
      if (entry.name === "schema") continue; // `npm run schema` is the regenerate shortcut, its row shows no flags
      const documented = readmeFlags(entry.name);
      const missing = [...flags].filter((flag) => !documented.has(flag));
      const extra = [...documented].filter((flag) => !flags.has(flag));
      if (missing.length + extra.length > 0) readmeMismatches.push(`${entry.name}: not in README ${missing.join(" ")}; README only ${extra.join(" ")}`);
    }
    expect(readmeMismatches).toEqual([]);
  });

  it("runCli with an unknown command suggests the nearest one and exits 2", async () => {
    expect(await cliInProcess("simulat", "x.yaml")).toEqual({
      code: 2,
      stdout: "",
      stderr: "error: invalid command simulat: unknown command (did you mean convsim simulate?)\n",
    });
    const far = await cliInProcess("deploy");
    expect(far.code).toBe(2);
    expect(far.stderr).toMatch(/^error: invalid command deploy: unknown command \(commands: start, .*schema\)\n$/);
    expect((await cliInProcess("help", "stafff")).stderr).toMatch(/did you mean convsim staff\?/);
  });

  it("runCli with an unknown or camelCase flag suggests the kebab-case flag and exits 2", async () => {
    expect((await cliInProcess("simulate", "x.yaml", "--sed", "3")).stderr).toBe("error: invalid option --sed: unknown option (did you mean --seed?)\n");
    expect((await cliInProcess("staff", "x.yaml", "--failFast")).stderr).toBe("error: invalid option --failFast: unknown option (did you mean --fail-fast?)\n");
  });

  it("schema ends with a next: hint on stderr, stdout stays pure JSON", async () => {
    const run = await cliInProcess("schema");
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).$schema).toMatch(/json-schema/);
    expect(run.stderr).toMatch(/^next: .+\n$/);
  });

  it("`convsim schema | head -1` ends quietly: the reader closing the pipe prints no EPIPE stack and exits 0", async () => {
    const result = await new Promise<{ code: number | null; stderr: string; firstChunk: string }>((resolve, reject) => {
      const child = spawn(process.execPath, ["--import", "tsx", "scripts/cli/main.ts", "schema"], { cwd: projectRoot, env: { ...process.env, NO_COLOR: "1" } });
      let stderr = "";
      let firstChunk = "";
      child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
      child.stdout.once("data", (chunk: Buffer) => {
        firstChunk = chunk.toString("utf8");
        child.stdout.destroy(); // what `head` does after its lines
      });
      child.on("error", reject);
      child.on("close", (code) => resolve({ code, stderr, firstChunk }));
    });
    expect(result.firstChunk).toMatch(/^\{/);
    expect(result.stderr).not.toMatch(/EPIPE|\n\s+at /);
    expect(result.code).toBe(0);
  });
});
