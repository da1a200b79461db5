import { performance } from "node:perf_hooks";
import { median } from "simple-statistics";
import { loadScenario } from "../../experiments/index.ts";
import { optimalShiftPlan, recommendStaffing, resolveRoster, resolveShiftRules, shiftPlan, weeklyRoster } from "../../experiments/staffing/index.ts";
import type { BenchContext, BenchFigures, BenchSuite } from "./benchSuite.ts";

/** The staffing question of the suite: the shipped chat-only contact centre, one day of 30-minute intervals. */
const SCENARIO = "experiments/scenarios/contact-center.yaml";
/** Rules a planner would write: three lengths, hourly starts, a 30-minute unpaid break on long shifts. */
const RULES = { lengthsHours: [4, 6, 8], startEveryMinutes: 60, break: { minutes: 30, earliestAfterHours: 2, latestBeforeEndHours: 1.5, fromShiftHours: 6 } };
/** Agents of the roster: enough for the plan at five shifts a week, a quarter with a day they cannot work. */
const TEAM_SIZE = 112;

/** `npm run bench -- --only shifts`: one `staff` run with the MILP shift plan and roster, and the plan against the greedy cover. */
export const shiftSolverSuite: BenchSuite = {
  name: "shifts",
  description: "one staff run of the contact centre with the MILP shift plan and a weekly roster of 112 agents; MILP vs greedy cost",
  async run(context: BenchContext): Promise<BenchFigures> {
    const loaded = loadScenario(SCENARIO, {});
    const config = loaded.config;
    const rules = resolveShiftRules(RULES, config.horizon.intervalSeconds);
    const days = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;
    const team = resolveRoster({
      agents: Array.from({ length: TEAM_SIZE }, (_, i) => ({ name: `Agent${i}`, unavailable: i % 4 === 0 ? [days[i % 7]!] : [] })),
    });
    const staffSeconds: number[] = [];
    const planSeconds: number[] = [];
    const rosterSeconds: number[] = [];
    let summary = { milpHours: 0, greedyHours: 0, greedyLength: 0, shifts: 0, status: "", rosterStatus: "", unstaffed: 0 };
    for (let run = 0; run < context.repeats; run++) {
      context.log(`shifts: staff run ${run + 1}/${context.repeats}`);
      let started = performance.now();
      const staffing = await recommendStaffing(config, { replications: 4, seed: 1, workers: 1, currency: "USD" });
      staffSeconds.push((performance.now() - started) / 1000);
      const requirement = staffing.intervals.map((interval) => interval.recommendedAgentsScheduled);
      started = performance.now();
      const plan = await optimalShiftPlan(requirement, rules, config.agents.costPerHour);
      planSeconds.push((performance.now() - started) / 1000);
      started = performance.now();
      const roster = await weeklyRoster(plan, 1, team, { timeLimitSeconds: rules.timeLimitSeconds });
      rosterSeconds.push((performance.now() - started) / 1000);
      const greedy = shiftPlan(requirement, config.horizon.intervalSeconds, 8, config.agents.costPerHour);
      summary = {
        milpHours: plan.paidAgentHours,
        greedyHours: plan.greedy?.paidAgentHours ?? greedy.agentHours,
        greedyLength: plan.greedy?.shiftHours ?? 8,
        shifts: plan.shifts.reduce((sum, shift) => sum + shift.agents, 0),
        status: plan.status,
        rosterStatus: roster.status,
        unstaffed: roster.unstaffed.reduce((sum, shift) => sum + shift.count, 0),
      };
    }
    const saving = 1 - summary.milpHours / summary.greedyHours;
    return {
      suite: "shifts",
      title: "staffing with the MILP shift plan and roster (contact-center.yaml, 1 day of 30-minute intervals)",
      unitName: "runs",
      measurements: [
        { label: "staff search (4 replications)", units: 1, events: null, wallSeconds: staffSeconds },
        {
          label: "MILP shift plan",
          units: 1,
          events: null,
          wallSeconds: planSeconds,
          columns: { "paid agent-hours": String(summary.milpHours), shifts: String(summary.shifts), status: summary.status },
        },
        {
          label: `weekly roster, ${TEAM_SIZE} agents`,
          units: 1,
          events: null,
          wallSeconds: rosterSeconds,
          columns: { unstaffed: String(summary.unstaffed), status: summary.rosterStatus },
        },
      ],
      ratios: [{ label: `MILP paid hours ÷ best greedy cover (${summary.greedyLength} h shifts, no breaks)`, value: summary.milpHours / summary.greedyHours }],
      notes: [
        `MILP ${summary.milpHours} paid agent-hours (with unpaid breaks) vs greedy ${summary.greedyHours}: ${(saving * 100).toFixed(1)}% fewer`,
        `one staff run with the solver ≈ staff search + plan + roster: median ${(median(staffSeconds) + median(planSeconds) + median(rosterSeconds)).toFixed(1)} s`,
      ],
    };
  },
};
