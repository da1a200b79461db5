import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it, vi } from "vitest";
import { cliInProcess } from "./cliInProcess.ts";

const projectRoot = fileURLToPath(new URL("../..", import.meta.url));
const directory = mkdtempSync(join(tmpdir(), "convsim-staff-"));
const scenario = (extra = "") => {
  const path = join(directory, `desk-${Math.random().toString(36).slice(2)}.yaml`);
  writeFileSync(
    path,
    `mode: chatOnly
name: Tiny desk
horizon: { days: 1, intervalMinutes: 60 }
arrivals: { chatsPerDay: 600 }
handleSeconds: { kind: exponential, mean: 180 }
${extra}
agents: { concurrency: 1, shrinkage: 0, costPerHour: 20, schedule: 3 }
`,
  );
  return path;
};
const patientDesk = scenario();
const impatientDesk = scenario("patienceSeconds: { kind: exponential, mean: 120 }");

/** Runs `staff <args>` in this process; returns the exit code and what was written. */
const staff = (...args: string[]) => cliInProcess("staff", ...args);

afterEach(() => vi.restoreAllMocks());

describe("staff command", () => {
  it("staff <chat-only> --json --csv --shift-hours writes the plan, the sweep and a tidy per-interval CSV", async () => {
    const csv = join(directory, "plan.csv");
    const out = join(directory, "plan.json");
    const run = await staff(
      impatientDesk,
      "--replications",
      "3",
      "--seed",
      "5",
      "--workers",
      "1",
      "--quiet",
      "--json",
      "--csv",
      csv,
      "--out",
      out,
      "--shift-hours",
      "4",
      "--max-abandon",
      "0.1",
    );
    expect(run.stderr).toBe(""); // --quiet: no progress and no next: hint
    expect(run.code).toBe(0);
    const document = JSON.parse(run.stdout);
    expect(document.stamp).toMatchObject({ command: "staff", scenario: "Tiny desk", seed: 5, replications: 3 });
    expect(document.stamp.reproduce).toMatch(/^npm run staff -- .*desk-.*\.yaml .*--seed 5$/);
    const staffing = document.staffing;
    expect(staffing).toMatchObject({ kind: "staffing", scenario: "Tiny desk", mode: "chatOnly", analyticModel: "erlangA", intervalSeconds: 3600 });
    expect(staffing.target).toEqual({ serviceLevel: null, serviceLevelSeconds: 20, maxQueueAbandonment: 0.1, maxOccupancy: 0.85 });
    expect(staffing.intervals).toHaveLength(24);
    expect(staffing.sweep.length).toBeGreaterThan(0);
    expect(staffing.shifts.shiftHours).toBe(4);
    for (const key of ["recommendedAgentHours", "recommendedCost", "erlangAgentHours", "erlangCost"]) expect(typeof staffing.totals[key]).toBe("number");
    expect(JSON.parse(readFileSync(out, "utf8")).staffing).toEqual(staffing);
    const lines = readFileSync(csv, "utf8").trim().split("\n");
    expect(lines).toHaveLength(25);
    expect(lines[0]).toMatch(/^index,start,startSeconds,chatsPerHour,erlangModel,erlangAgentsScheduled,.*,replications,level$/);
  });

  it("staff --csv of a desk with video adds the video plan's columns, the same figures as staffing.video", async () => {
    const videoDesk = scenario("desk: { video: { agents: 1, acceptanceProbability: 0.3, handleSeconds: { kind: exponential, mean: 300 } } }");
    const csv = join(directory, "video-plan.csv");
    const run = await staff(videoDesk, "--replications", "2", "--seed", "3", "--workers", "1", "--quiet", "--json", "--csv", csv);
    expect(run.code).toBe(0);
    const video = JSON.parse(run.stdout).staffing.video;
    const [header, ...rows] = readFileSync(csv, "utf8").trim().split("\n");
    const columns = header.split(",");
    expect(columns.slice(-10)).toEqual([
      "videoRequestsPerHour",
      "videoAgentsScheduled",
      "videoAgentsOnline",
      "videoErlangServiceLevel",
      "videoServiceLevel",
      "videoServiceLevelLower",
      "videoServiceLevelUpper",
      "videoQueueAbandonment",
      "videoOccupancy",
      "videoMeetsTarget",
    ]);
    expect(rows).toHaveLength(24);
    for (const [i, line] of rows.entries()) {
      const cell = (name: string) => line.split(",")[columns.indexOf(name)];
      expect(Number(cell("videoAgentsScheduled"))).toBe(video.intervals[i].agentsScheduled);
      expect(Number(cell("videoRequestsPerHour"))).toBeCloseTo(video.intervals[i].videoRequestsPerHour, 9);
    }
    // A desk without video keeps the text columns only (checked above: the plan's CSV header ends with level).
  });

  it("staff <chat-only> prints a per-interval table, totals, the sweep and the explanation", async () => {
    const run = await staff(patientDesk, "--replications", "2", "--workers", "1", "--quiet", "--within", "30");
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Tiny desk · target: 80% within 30 s, occupancy ≤ 85% · 2 replications · 95% intervals · closed form: Erlang C\n/);
    expect(run.stdout).toMatch(/\n {2}time +chats\/h +Erlang C +recommended +service level \[CI\] +abandon +occupancy\n/);
    expect(run.stdout).toMatch(/\ntotals: recommended [\d.]+ agent-hours/);
    expect(run.stdout).toMatch(/\nconstant staffing all day:\n/);
    expect(run.stdout).toMatch(/\nexplanation:\n {2}recommended: /);
    expect(run.stdout).toContain("no patience in the scenario: customers never give up, so the closed form is Erlang C and nobody abandons");
  });

  it("staff --shift-rules --roster plans optimal shifts under the rules and rosters the named team", async () => {
    const rules = join(directory, "rules.yaml");
    writeFileSync(rules, "lengthsHours: [4, 8]\nbreak: { minutes: 60, earliestAfterHours: 2, latestBeforeEndHours: 2, fromShiftHours: 8 }\n");
    const team = join(directory, "team.yaml");
    writeFileSync(
      team,
      `rules: { maxShiftsPerWeek: 5, maxConsecutiveDays: 5, minRestHours: 11 }\nagents:\n${Array.from({ length: 24 }, (_, i) => `  - { name: Agent${i} }`).join("\n")}\n`,
    );
    const run = await staff(patientDesk, "--replications", "2", "--seed", "3", "--workers", "1", "--quiet", "--json", "--shift-rules", rules, "--roster", team);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const { staffing } = JSON.parse(run.stdout);
    const { plan, roster } = staffing.shiftScheduling;
    expect(plan.status).toBe("optimal");
    staffing.intervals.forEach((interval: { recommendedAgentsScheduled: number }, i: number) => {
      expect(plan.coverage[i]).toBeGreaterThanOrEqual(interval.recommendedAgentsScheduled);
    });
    for (const shift of plan.shifts) expect([4, 7]).toContain(shift.paidHours);
    expect(plan.paidAgentHours).toBeLessThanOrEqual(plan.greedy.paidAgentHours);
    const weekly = plan.shifts.reduce((sum: number, shift: { agents: number }) => sum + shift.agents, 0) * 7;
    expect(roster.assignments).toHaveLength(weekly);
    expect(roster.unstaffed).toEqual([]);
    expect(roster.status).toBe("optimal");
    for (const agent of roster.agents) expect(agent.shifts).toBeLessThanOrEqual(5);
  });

  it("staff --shift-rules prints the plan, its cost and the greedy cover's", async () => {
    const rules = join(directory, "rules-text.yaml");
    writeFileSync(rules, "lengthsHours: [4, 6, 8]\n");
    const run = await staff(patientDesk, "--replications", "2", "--workers", "1", "--quiet", "--shift-rules", rules);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/\noptimal shift plan \(MILP, objective cost, proven optimal, [\d.]+ s\):\n {2}\d\d:\d\d–\d\d:\d\d ×\d+ \(\d paid h\)\n/);
    expect(run.stdout).toMatch(/\n {2}greedy cover \(\d h shifts, no breaks\): [\d.]+ agent-hours \(\$[\d,.]+\) · MILP (saves|costs) \$[\d,.]+\n/);
  });

  it("staff --roster names the binding rule when the team cannot staff the plan, exits 2 and writes nothing", async () => {
    const team = join(directory, "small-team.csv");
    writeFileSync(team, "name,maxShiftsPerWeek\nAna,5\nBen,4\n");
    const out = join(directory, "never-roster.json");
    const run = await staff(patientDesk, "--replications", "2", "--workers", "1", "--quiet", "--roster", team, "--out", out);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(
      /^error: roster .*small-team\.csv cannot staff \d+ of the plan's \d+ weekly shifts \(mon \d\d:\d\d–\d\d:\d\d ×\d+.*\); binding: teamSize with maxShiftsPerWeek\n$/,
    );
    expect(existsSync(out)).toBe(false);
  });

  const badInputs: [string[], RegExp][] = [
    [["--service-level", "1.5"], /^error: invalid --service-level: "1\.5" \(must be a number from 0\.01 to 0\.999\)\n$/],
    [["--objective", "best"], /^error: invalid --objective: "best" \(allowed: target, profit\)\n$/],
    [["--objective", "profit"], /^error: invalid --objective: profit \(needs a store scenario/],
    [["--shift-hours", "1.5"], /^error: invalid --shift-hours: 1\.5 \(must be a whole number of the scenario's 60-minute intervals\)\n$/],
    [
      ["--max-abandon", "0.05"],
      /^error: invalid --max-abandon: 0\.05 \(the scenario has no patienceSeconds, so nobody abandons; set a service level or maximum occupancy\)\n$/,
    ],
    [["--min-dip-savings", "-2"], /^error: invalid --min-dip-savings: "-2" \(must be a number from 0 to 1000000\)\n$/],
    [["--replications", "1"], /^error: invalid --replications: "1" \(must be an integer from 2 to 100000\)\n$/],
    [["--shift-rules", "/nonexistent/rules.yaml"], /^error: cannot read shift rules \/nonexistent\/rules\.yaml: no such file\n$/],
    [["--sed", "3"], /^error: invalid option --sed: unknown option \(did you mean --seed\?\)/],
  ];
  for (const [args, message] of badInputs) {
    it(`staff <scenario> ${args.join(" ")} prints one error line and exits 2`, async () => {
      const run = await staff(patientDesk, ...args, "--quiet");
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(message);
      expect(run.stdout).toBe("");
    });
  }

  it("convsim staff <missing file> exits 2 without writing its output file", () => {
    const out = join(directory, "never.json");
    const result = spawnSync(process.execPath, ["--import", "tsx", "scripts/cli/main.ts", "staff", join(directory, "missing.yaml"), "--out", out], {
      cwd: projectRoot,
      encoding: "utf8",
    });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^error: .*missing\.yaml/);
    expect(existsSync(out)).toBe(false);
  });

  it("staff of a de-DE, EUR desk writes the table, totals and sweep with German marks and euros, as Intl writes the JSON's values", async () => {
    const german = join(directory, "desk-de.yaml");
    writeFileSync(german, readFileSync(impatientDesk, "utf8").replace("name: Tiny desk", "name: Tiny desk\ncurrency: EUR\nreport: { locale: de-DE }"));
    const out = join(directory, "plan-de.json");
    const run = await staff(german, "--replications", "2", "--workers", "1", "--quiet", "--out", out);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const { staffing } = JSON.parse(readFileSync(out, "utf8"));
    // Whole euros from 100 up, by Intl alone (not the code under test).
    const euros = (value: number) =>
      new Intl.NumberFormat("de-DE", {
        style: "currency",
        currency: "EUR",
        maximumFractionDigits: value >= 100 ? 0 : 2,
        minimumFractionDigits: value >= 100 ? 0 : 2,
      }).format(value);
    expect(run.stdout).toContain(`(${euros(staffing.totals.recommendedCost)})`);
    expect(run.stdout).toMatch(/^ {2}00:00–01:00 +\d+(,\d)? +\d+ +\d+/m);
    expect(run.stdout).toMatch(/\d+,\d\s% \[\d+,\d\s%, \d+,\d\s%\]/); // service level and its interval, German marks
    expect(run.stdout).toMatch(/^totals: recommended \d+ agent-hours/m);
    // The explanation's sentences (from experiments/staffing) write their numbers the same way, in the JSON too.
    expect(run.stdout).toContain("explanation:");
    const hours = staffing.totals.recommendedAgentHours;
    const germanHours = Number.isInteger(hours)
      ? String(hours)
      : new Intl.NumberFormat("de-DE", { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(hours);
    expect(run.stdout).toContain(`recommended: ${germanHours} agent-hours (${euros(staffing.totals.recommendedCost)})`);
    expect(run.stdout).not.toMatch(/\$|USD|\d,\d{3}\b|\d\.\d+\s?%/); // no dollars, no English thousands comma or decimal point
    expect(staffing.explanation.join("\n")).not.toMatch(/\$|USD|\d\.\d+\s?%/);
  });
});
