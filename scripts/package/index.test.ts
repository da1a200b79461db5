import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";

// The package as another project gets it: `npm pack`, install the tarball into an empty project,
// import the library by its name and run the bin. Slow (an install), so one test.

const projectRoot = fileURLToPath(new URL("../..", import.meta.url));
const folder = mkdtempSync(join(tmpdir(), "convsim-package-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const npm = (args: readonly string[], cwd: string): string =>
  execFileSync("npm", [...args], {
    cwd,
    encoding: "utf8",
    env: { ...process.env, npm_config_audit: "false", npm_config_fund: "false", npm_config_update_notifier: "false" },
  });

describe("the packed package", () => {
  it('npm pack + install: import { simulate, loadScenario } from "convsim" runs a scenario and npx convsim --help prints usage', () => {
    npm(["pack", "--pack-destination", folder, "--silent"], projectRoot);
    const tarball = readdirSync(folder).find((name) => name.endsWith(".tgz"));
    expect(tarball).toBeDefined();
    const consumer = join(folder, "consumer");
    execFileSync("mkdir", [consumer]);
    writeFileSync(join(consumer, "package.json"), JSON.stringify({ name: "consumer", private: true, type: "module" }));
    // From the local cache where it can: the test checks the package, not the registry.
    npm(["install", "--prefer-offline", "--no-package-lock", join(folder, tarball!)], consumer);
    writeFileSync(
      join(consumer, "use.mjs"),
      [
        'import { simulate, loadScenario } from "convsim";',
        'import { createRequire } from "node:module";',
        'const scenario = createRequire(import.meta.url).resolve("convsim/package.json").replace(/package\\.json$/, "experiments/scenarios/contact-center.yaml");',
        "const results = simulate(loadScenario(scenario, { days: 1 }).config, { seed: 7 });",
        "console.log(results.kind, results.chat.served > 0);",
      ].join("\n"),
    );
    expect(execFileSync(process.execPath, ["use.mjs"], { cwd: consumer, encoding: "utf8" })).toBe("chatOnly true\n");
    expect(execFileSync("npx", ["--no-install", "convsim", "--help"], { cwd: consumer, encoding: "utf8" })).toMatch(/convsim/);
  }, 600_000);
});
