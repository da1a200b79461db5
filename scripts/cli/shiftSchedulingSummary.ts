import { type Formatter, formatClock } from "../../experiments/format/index.ts";
import type { ShiftScheduling, WeeklyRoster } from "../../experiments/staffing/index.ts";

const dayName = (seconds: number, horizonDays: number) => (horizonDays > 1 ? `day ${Math.floor(seconds / 86_400) + 1} ` : "");

/** Lines describing the optimal shift plan, its comparison with the greedy cover, and the roster. */
export function shiftSchedulingSummary(scheduling: ShiftScheduling, horizonDays: number, format: Formatter): string[] {
  const { plan, roster } = scheduling;
  const lines: string[] = [];
  const solved = plan.status === "optimal" ? "proven optimal" : `time limit reached: best plan found, within ${format.percent(plan.gap, 1)} of the optimum`;
  lines.push(`optimal shift plan (MILP, objective ${plan.objective}, ${solved}, ${format.number(plan.solveSeconds, 1)} s):`);
  for (const shift of plan.shifts) {
    const pause = shift.breakStartSeconds === null ? "" : `, break ${formatClock(shift.breakStartSeconds)}–${formatClock(shift.breakEndSeconds!)}`;
    lines.push(
      `  ${dayName(shift.startSeconds, horizonDays)}${formatClock(shift.startSeconds)}–${formatClock(shift.endSeconds)} ×${shift.agents} (${shift.paidHours} paid h${pause})`,
    );
  }
  const short = plan.shortAgentHours > 0 ? ` · ${plan.shortAgentHours} agent-hours short of the requirement` : "";
  lines.push(
    `  ${format.number(plan.paidAgentHours, 1)} paid agent-hours (${format.money(plan.cost)}) · ${plan.excessAgentHours} above the requirement${short}`,
  );
  if (plan.greedy !== null) {
    const saving = plan.greedy.cost - plan.cost;
    lines.push(
      `  greedy cover (${plan.greedy.shiftHours} h shifts, no breaks): ${plan.greedy.paidAgentHours} agent-hours (${format.money(plan.greedy.cost)}) · MILP ${saving >= 0 ? "saves" : "costs"} ${format.money(Math.abs(saving))}`,
    );
  }
  if (roster !== null) lines.push(...rosterLines(roster, format));
  return lines;
}

function rosterLines(roster: WeeklyRoster, format: Formatter): string[] {
  const lines = [`weekly roster (${roster.status === "optimal" ? "proven optimal" : `time limit reached, gap ${format.percent(roster.gap, 1)}`}):`];
  for (const agent of roster.agents) {
    const shifts = roster.assignments
      .filter((assignment) => assignment.agent === agent.agent)
      .map((assignment) => `${assignment.day} ${formatClock(assignment.startSeconds)}–${formatClock(assignment.endSeconds)}`);
    const unmet = agent.unmetPreferences > 0 ? ` · ${agent.unmetPreferences} preference${agent.unmetPreferences === 1 ? "" : "s"} not met` : "";
    lines.push(`  ${agent.agent}: ${agent.shifts} shifts, ${agent.paidHours} h${unmet}${shifts.length > 0 ? ` · ${shifts.join(", ")}` : ""}`);
  }
  return lines;
}

/** One line naming what a roster could not staff and the constraints that bind; null when it staffs everything. */
export function unstaffedMessage(roster: WeeklyRoster, source: string): string | null {
  const missing = roster.unstaffed.reduce((sum, shift) => sum + shift.count, 0);
  if (missing === 0) return null;
  const planned = roster.assignments.length + missing;
  const which = roster.unstaffed
    .slice(0, 4)
    .map((shift) => `${shift.day} ${formatClock(shift.startSeconds)}–${formatClock(shift.endSeconds)} ×${shift.count}`)
    .join(", ");
  const more = roster.unstaffed.length > 4 ? ", ..." : "";
  const binding = roster.binding.length === 0 ? "no single rule explains it" : `binding: ${roster.binding.join(" with ")}`;
  return `roster ${source} cannot staff ${missing} of the plan's ${planned} weekly shifts (${which}${more}); ${binding}`;
}
