import { type ChatOnlyResults, roundMoney, type StoreResults } from "../../sim/model/index.ts";
import type { TeamFigureExportRow, TeamFiguresResults } from "../inputTypes.ts";
import type { ReportBody } from "../reportDocument.ts";
import type { SectionBuilder, TableCell } from "../reportTypes.ts";
import { numberCell, textCell } from "../table.ts";

/** A figure the live desk or the simulator does not have: said in words, never shown as 0. */
export const NOT_SIMULATED = "not simulated";
export const NOT_MEASURED_LIVE = "not measured live";
/** A live figure with nothing to average yet (no reply, no ended chat, no rating). */
export const NO_LIVE_DATA = "no data";

/** The compared figures, named as in the simulator's per-agent results and the store's export. */
const FIGURES = ["chatsHandled", "firstResponseSeconds", "meanHandleSeconds", "concurrency", "occupancy", "rescuedOrders", "revenue", "rating"] as const;
type Figure = (typeof FIGURES)[number];
const FIGURE_LABELS: Readonly<Record<Figure, string>> = {
  chatsHandled: "Chats handled",
  firstResponseSeconds: "First response",
  meanHandleSeconds: "Handle time",
  concurrency: "Concurrency",
  occupancy: "Occupancy",
  rescuedOrders: "Rescued orders",
  revenue: "Rescued revenue",
  rating: "Rating",
};

/** One row of the table: a value per figure, or the words for why there is none. */
type FigureValues = Readonly<Record<Figure, number | string | null>>;

/** A live agent's (or the team's) figures over the whole export, from its per-interval rows. */
export type LiveAgentFigures = Omit<TeamFigureExportRow, "intervalStartMs">;

/**
 * The export's rows folded over its intervals, per agent (team first). Counts and revenue add up;
 * concurrency is averaged over every interval of the export; the rating is weighted by ratings
 * (exact); first response and handle time are weighted by chats handled, which is exact for one
 * interval and an approximation over several (the export does not carry how many chats had a reply
 * or had ended).
 */
export function liveAgentFigures(rows: readonly TeamFigureExportRow[]): LiveAgentFigures[] {
  const intervals = new Set(rows.map((row) => row.intervalStartMs)).size;
  const byAgent = new Map<string, TeamFigureExportRow[]>();
  for (const row of rows) byAgent.set(row.agentId, [...(byAgent.get(row.agentId) ?? []), row]);
  const weighted = (
    of: readonly TeamFigureExportRow[],
    value: (row: TeamFigureExportRow) => number | null,
    weight: (row: TeamFigureExportRow) => number,
  ): number | null => {
    const usable = of.filter((row) => value(row) !== null && weight(row) > 0);
    const total = usable.reduce((sum, row) => sum + weight(row), 0);
    return total === 0 ? null : usable.reduce((sum, row) => sum + value(row)! * weight(row), 0) / total;
  };
  const sum = (of: readonly TeamFigureExportRow[], value: (row: TeamFigureExportRow) => number) => of.reduce((total, row) => total + value(row), 0);
  const figures = [...byAgent.values()].map(
    (of): LiveAgentFigures => ({
      agentId: of[0].agentId,
      agentName: of[0].agentName,
      chatsHandled: sum(of, (row) => row.chatsHandled),
      firstResponseSeconds: weighted(
        of,
        (row) => row.firstResponseSeconds,
        (row) => row.chatsHandled,
      ),
      meanHandleSeconds: weighted(
        of,
        (row) => row.meanHandleSeconds,
        (row) => row.chatsHandled,
      ),
      concurrency: intervals === 0 ? 0 : sum(of, (row) => row.concurrency) / intervals,
      rescuedOrders: sum(of, (row) => row.rescuedOrders),
      revenue: roundMoney(sum(of, (row) => row.revenue)),
      rating: weighted(
        of,
        (row) => row.rating,
        (row) => row.ratings,
      ),
      ratings: sum(of, (row) => row.ratings),
    }),
  );
  return figures.sort((a, b) => Number(b.agentId === "team") - Number(a.agentId === "team") || a.agentId.localeCompare(b.agentId));
}

type SimulatedRun = StoreResults | ChatOnlyResults;
const isSimulatedRun = (body: ReportBody): body is SimulatedRun => (body.kind === "store" || body.kind === "chatOnly") && Array.isArray(body.chat?.agents);

/** The simulator's per-seat figures and its desk as a whole, under the live export's figure names. */
function simulatedRows(run: SimulatedRun): { label: string; values: FigureValues }[] {
  // A chat-only run has no shop: its seats' rescued orders are 0 by construction, not a finding.
  const shop = run.kind === "store";
  const seats = run.chat.agents.map((seat) => ({
    label: `Seat ${seat.agent}`,
    values: {
      chatsHandled: seat.chatsHandled,
      firstResponseSeconds: NOT_SIMULATED,
      meanHandleSeconds: seat.meanHandleSeconds,
      concurrency: NOT_SIMULATED,
      occupancy: seat.occupancy,
      rescuedOrders: shop ? seat.rescuedOrders : NOT_SIMULATED,
      revenue: NOT_SIMULATED,
      rating: NOT_SIMULATED,
    },
  }));
  const team: FigureValues = {
    chatsHandled: run.chat.served,
    firstResponseSeconds: NOT_SIMULATED,
    meanHandleSeconds: run.chat.meanHandleSeconds,
    // The simulator's meanConcurrency counts only busy time; the live figure counts all time: not the same figure.
    concurrency: NOT_SIMULATED,
    occupancy: run.chat.occupancy,
    rescuedOrders: shop ? run.outcome.rescuedOrders : NOT_SIMULATED,
    revenue: shop ? run.outcome.rescuedRevenue : NOT_SIMULATED,
    rating: NOT_SIMULATED,
  };
  return [{ label: "Team", values: team }, ...seats];
}

function liveValues(agent: LiveAgentFigures): FigureValues {
  return {
    chatsHandled: agent.chatsHandled,
    firstResponseSeconds: agent.firstResponseSeconds ?? NO_LIVE_DATA,
    meanHandleSeconds: agent.meanHandleSeconds ?? NO_LIVE_DATA,
    concurrency: agent.concurrency,
    occupancy: NOT_MEASURED_LIVE,
    rescuedOrders: agent.rescuedOrders,
    revenue: agent.revenue,
    rating: agent.rating ?? NO_LIVE_DATA,
  };
}

/**
 * "Live desk vs simulator": the live store's team export (per agent and team, folded over its
 * intervals) beside the per-agent figures of every simulate run in the same report, under the same
 * figure names. A figure one side lacks is named as lacking, never shown as 0. Seats are the
 * simulator's pool positions, not people: rows are set side by side, not matched.
 */
export const liveDeskSection: SectionBuilder<TeamFiguresResults> = (team, context) => {
  const live = liveAgentFigures(team.rows);
  const runs = context.peers.filter(isSimulatedRun);
  const cell = (figure: Figure, value: number | string | null): TableCell => {
    if (typeof value === "string") return textCell(value);
    if (value === null) return textCell(NO_LIVE_DATA);
    const text =
      figure === "firstResponseSeconds" || figure === "meanHandleSeconds"
        ? context.format.seconds(value)
        : figure === "revenue"
          ? context.format.money(value, false, 2)
          : figure === "occupancy"
            ? context.format.percent(value, 1)
            : figure === "chatsHandled" || figure === "rescuedOrders"
              ? context.format.count(value)
              : context.format.number(value, 2);
    return numberCell(value, text);
  };
  const row = (source: string, who: string, values: FigureValues): TableCell[] => [
    textCell(source),
    textCell(who),
    ...FIGURES.map((figure) => cell(figure, values[figure])),
  ];
  const rows = [
    ...live.map((agent) => row("Live desk", agent.agentId === "team" ? "Team" : `${agent.agentName} (${agent.agentId})`, liveValues(agent))),
    ...runs.flatMap((run) => simulatedRows(run).map((simulated) => row(`Simulated: ${run.scenario}`, simulated.label, simulated.values))),
  ];
  const liveTeam = live.find((agent) => agent.agentId === "team");
  const intervals = new Set(team.rows.map((entry) => entry.intervalStartMs)).size;
  const span =
    team.intervalSeconds === null
      ? `${context.format.count(intervals)} interval${intervals === 1 ? "" : "s"}`
      : context.format.seconds(intervals * team.intervalSeconds);
  const people = live.filter((agent) => agent.agentId !== "team").length;
  const takeaway =
    `The live desk: ${context.format.count(people)} agent${people === 1 ? "" : "s"} handled ${context.format.count(liveTeam?.chatsHandled ?? 0)} chats over ${span}` +
    (runs.length === 0
      ? "; no simulate run was given to set beside it"
      : `; simulated: ${runs.map((run) => `${run.scenario}, ${context.format.count(run.chat.agents.length)} seats, ${context.format.count(run.chat.served)} chats over ${context.format.count(run.horizonDays)} day${run.horizonDays === 1 ? "" : "s"}`).join("; ")}`);
  const notes = [
    `Figure names are those of the simulator's per-agent results and the store's export: ${FIGURES.join(", ")}. "${NOT_SIMULATED}" and "${NOT_MEASURED_LIVE}" mark a figure with no counterpart on that side; "${NO_LIVE_DATA}" a live figure with nothing to average (no reply, no ended chat, no rating).`,
    "Simulated seats are pool positions, not people, so live agents and seats are set side by side, not matched one to one. Counts depend on the length of each period; compare rates and times first.",
    "Live first response and handle time over several intervals are weighted by chats handled (exact for one interval); concurrency is chats held at once averaged over every interval of the export; the rating is weighted by the number of ratings.",
  ];
  if (runs.length === 0)
    notes.push(
      "Give a simulate run (its results JSON) in the same report call to see the simulator's per-agent figures here; staff results carry no per-agent figures.",
    );
  return {
    id: `${context.idPrefix}-live-desk`,
    title: "Live desk vs simulator",
    takeaway,
    keyFigures: [
      { label: "Live chats handled", value: context.format.count(liveTeam?.chatsHandled ?? 0), detail: span },
      { label: "Live handle time", value: liveTeam?.meanHandleSeconds == null ? NO_LIVE_DATA : context.format.seconds(liveTeam.meanHandleSeconds) },
      ...runs.map((run) => ({
        label: `Simulated handle time: ${run.scenario}`,
        value: run.chat.meanHandleSeconds === null ? NOT_SIMULATED : context.format.seconds(run.chat.meanHandleSeconds),
      })),
    ],
    charts: [],
    tables: [
      {
        id: `${context.idPrefix}-live-desk-table`,
        caption: "Per-agent figures: live desk and simulator",
        columns: [
          { label: "Source", numeric: false },
          { label: "Agent", numeric: false },
          ...FIGURES.map((figure) => ({ label: `${FIGURE_LABELS[figure]} (${figure})`, numeric: true })),
        ],
        rows,
        sortable: true,
      },
    ],
    notes,
  };
};
