import type { RunStamp } from "../experiments/index.ts";
import type { ChatOnlyResults, ModelConfig, StoreResults } from "../sim/model/index.ts";
import type { CalibrationResults, ComparisonResults, DecisionResults, StaffingResults, SyntheticCheckResults, TeamFiguresResults } from "./inputTypes.ts";
import { ReportInputError } from "./ReportInputError.ts";

/** Everything a report can show, told apart by `kind`. */
export type ReportBody =
  | StoreResults
  | ChatOnlyResults
  | ComparisonResults
  | DecisionResults
  | StaffingResults
  | CalibrationResults
  | SyntheticCheckResults
  | TeamFiguresResults;
export type ReportKind = ReportBody["kind"];
/** The body type of one kind: `BodyOfKind<"store">` is StoreResults. */
export type BodyOfKind<K extends ReportKind> = Extract<ReportBody, { kind: K }>;

/** Kinds the report knows, in the order their sections appear. */
export const REPORT_KINDS: readonly ReportKind[] = Object.freeze([
  "store",
  "chatOnly",
  "comparison",
  "decision",
  "staffing",
  "calibration",
  "syntheticCheck",
  "teamFigures",
]);

/** What the report shows about the scenario beyond its name, read from the scenario file when it still exists. */
export interface ScenarioInfo {
  description: string;
  /** ISO 4217 code for money values. */
  currency: string;
  /** BCP 47 locale for numbers (the scenario's `report.locale`); en-US when absent. */
  locale?: string;
  /** The resolved model, for the what-if panel; absent when not loaded. */
  model?: ModelConfig;
  /** The scenario's hash as loaded (no overrides): the what-if panel needs it to equal the run's stamp. */
  hash?: string;
}

/** One results file, validated: its stamp (possibly partial or absent), its body and its scenario details. */
export interface ReportDocument {
  /** Where it came from (a file name), for messages and the report's run card. */
  readonly source: string;
  readonly stamp: Partial<RunStamp> | null;
  /** Key the body was found under (`results`, `comparison`, ...), for messages. */
  readonly bodyKey: string;
  readonly body: ReportBody;
  readonly scenario: ScenarioInfo | null;
}

/** Currency when the scenario file is not available. */
export const DEFAULT_CURRENCY = "USD";

type Requirement = readonly [path: string, type: "array" | "object" | "string" | "number"];

/** Fields each kind's section builders read; checked up front so a bad file is a clear error, not a crash. */
const REQUIRED_FIELDS: { readonly [K in ReportKind]: readonly Requirement[] } = {
  store: [
    ["scenario", "string"],
    ["horizonDays", "number"],
    ["funnel.steps", "array"],
    ["funnel.sessions", "number"],
    ["abandonment.byReason", "object"],
    ["revenue", "object"],
    ["invitations", "object"],
    ["outcome", "object"],
    ["chat.waitHistogram.counts", "array"],
    ["chat.waitHistogram.upperBoundsSeconds", "array"],
    ["intervals.startSeconds", "array"],
    ["intervals.intervalSeconds", "number"],
  ],
  chatOnly: [
    ["scenario", "string"],
    ["horizonDays", "number"],
    ["chat.waitHistogram.counts", "array"],
    ["chat.waitHistogram.upperBoundsSeconds", "array"],
    ["intervals.startSeconds", "array"],
    ["intervals.intervalSeconds", "number"],
  ],
  comparison: [
    ["scenario", "string"],
    ["primaryMetric", "string"],
    ["control", "string"],
    ["level", "number"],
    ["variants", "array"],
    ["differences", "array"],
    ["ranking", "array"],
  ],
  decision: [
    ["scenario", "string"],
    ["metric", "string"],
    ["metricLabel", "string"],
    ["metricUnit", "string"],
    ["parameters", "array"],
  ],
  staffing: [
    ["scenario", "string"],
    ["target", "object"],
    ["intervalSeconds", "number"],
    ["intervals", "array"],
    ["sweep", "array"],
    ["totals", "object"],
  ],
  calibration: [
    ["scenario", "string"],
    ["steps", "array"],
    ["parameters", "array"],
    ["goodnessOfFit", "object"],
  ],
  syntheticCheck: [
    ["scenario", "string"],
    ["store.url", "string"],
    ["profile.name", "string"],
    ["personas", "array"],
    ["checks", "array"],
    ["stepTimings", "object"],
    ["policyConformance.toleranceSeconds", "number"],
    ["policyConformance.rows", "array"],
    ["policyConformance.windows", "array"],
    ["failureImages", "array"],
    ["notes", "array"],
    ["summary.checks", "number"],
    ["summary.wallSeconds", "number"],
  ],
  teamFigures: [["rows", "array"]],
};

/** Fields of every team export row (null allowed where the store writes null for "no such chat"). */
const TEAM_ROW_FIELDS: readonly (readonly [field: string, type: "string" | "number" | "number|null"])[] = [
  ["intervalStartMs", "number"],
  ["agentId", "string"],
  ["agentName", "string"],
  ["chatsHandled", "number"],
  ["firstResponseSeconds", "number|null"],
  ["meanHandleSeconds", "number|null"],
  ["concurrency", "number"],
  ["rescuedOrders", "number"],
  ["revenue", "number"],
  ["rating", "number|null"],
  ["ratings", "number"],
];

/**
 * The live store's team export (`{ kind: "teamFigures", currency, intervalSeconds, rows }`, or an
 * older one without `kind`, told by its shape) as a report body, or null when `data` is not one.
 * Throws ReportInputError, one line naming the file and the first bad row field.
 */
export function parseTeamFiguresExport(data: Record<string, unknown>, source: string): ReportDocument | null {
  const shaped = data.kind === undefined && Array.isArray(data.rows) && typeof data.intervalSeconds === "number" && !("results" in data);
  if (data.kind !== "teamFigures" && !shaped) return null;
  if (!Array.isArray(data.rows))
    throw new ReportInputError([`invalid ${source} rows: ${data.rows === undefined ? "missing" : describe(data.rows)} (must be an array)`]);
  const problems: string[] = [];
  for (const [index, row] of data.rows.entries()) {
    if (!isRecord(row)) {
      problems.push(`invalid ${source} rows[${index}]: ${describe(row)} (must be an object)`);
      break;
    }
    const bad = TEAM_ROW_FIELDS.find(([field, type]) => {
      const value = row[field];
      return !(type === "string"
        ? typeof value === "string"
        : (typeof value === "number" && Number.isFinite(value)) || (type === "number|null" && value === null));
    });
    if (bad) {
      const [field, type] = bad;
      const value = row[field];
      problems.push(
        `invalid ${source} rows[${index}].${field}: ${value === undefined ? "missing" : describe(value)} (must be ${type === "string" ? "a string" : type === "number" ? "a number" : "a number or null"})`,
      );
      break;
    }
  }
  const interval = data.intervalSeconds;
  if (problems.length === 0 && interval !== undefined && interval !== null && !(typeof interval === "number" && interval > 0))
    problems.push(`invalid ${source} intervalSeconds: ${describe(interval)} (must be a number > 0)`);
  // One line naming the file, the field and the value (the house format), like a file that cannot be read.
  if (problems.length > 0) throw new ReportInputError(problems);
  const body = {
    kind: "teamFigures",
    scenario: "Live desk",
    currency: typeof data.currency === "string" ? data.currency : null,
    intervalSeconds: typeof interval === "number" ? interval : null,
    rows: data.rows,
  } as TeamFiguresResults;
  return { source, stamp: null, bodyKey: "export", body, scenario: body.currency === null ? null : { description: "", currency: body.currency } };
}

/**
 * Validates a parsed results file: `{ stamp, results }` from simulate, or `{ stamp, <kind>: ... }`
 * from the other commands. Throws ReportInputError naming the source, the field and the value.
 */
export function parseReportDocument(data: unknown, source: string, scenario: ScenarioInfo | null = null): ReportDocument {
  if (!isRecord(data)) throw new ReportInputError([`invalid document: ${describe(data)} (must be an object such as { stamp, results })`], source);
  const teamExport = parseTeamFiguresExport(data, source);
  if (teamExport !== null) return teamExport;
  const bodyKey = findBodyKey(data);
  if (bodyKey === null) {
    throw new ReportInputError(
      [
        `invalid document: no results (expected { stamp, results } or { stamp, comparison | decision | staffing | calibration | check } with a "kind", or the live store's team export { kind: "teamFigures", rows })`,
      ],
      source,
    );
  }
  const found = data[bodyKey] as Record<string, unknown>;
  // `compare` writes its A/B test plan beside the comparison; the comparison's sections read it there.
  // `npm start` writes the baseline's day across replications beside its one run; "the day" reads it there.
  const body =
    found.kind === "comparison" && isRecord(data.abPlan) && Array.isArray(data.abPlan.rows)
      ? { ...found, abPlan: data.abPlan }
      : (found.kind === "store" || found.kind === "chatOnly") && data.dayBands !== undefined
        ? { ...found, dayBands: checkDayBands(data.dayBands, found, source) }
        : found;
  if (!(REPORT_KINDS as readonly unknown[]).includes(body.kind)) {
    throw new ReportInputError([`invalid ${bodyKey}.kind: ${JSON.stringify(body.kind)} (allowed: ${REPORT_KINDS.join(", ")})`], source);
  }
  const kind = body.kind as ReportKind;
  const problems = REQUIRED_FIELDS[kind].map(([path, type]) => checkField(body, path, type, bodyKey)).filter((problem): problem is string => problem !== null);
  if (data.stamp !== undefined && data.stamp !== null && !isRecord(data.stamp)) problems.push(`invalid stamp: ${describe(data.stamp)} (must be an object)`);
  if (problems.length > 0) throw new ReportInputError(problems, source);
  const stamp = isRecord(data.stamp) ? (data.stamp as Partial<RunStamp>) : null;
  return { source, stamp, bodyKey, body: body as unknown as ReportBody, scenario };
}

/** The day's replication bands, checked against the run they sit beside (same intervals, every series an array). */
function checkDayBands(value: unknown, results: Record<string, unknown>, source: string): unknown {
  const intervals = isRecord(results.intervals) && Array.isArray(results.intervals.startSeconds) ? results.intervals.startSeconds.length : -1;
  const ok =
    isRecord(value) &&
    typeof value.replications === "number" &&
    typeof value.level === "number" &&
    Array.isArray(value.startSeconds) &&
    value.startSeconds.length === intervals &&
    isRecord(value.series) &&
    Object.values(value.series).every((series) => Array.isArray(series) && series.length === intervals);
  if (!ok)
    throw new ReportInputError(
      [`invalid dayBands: ${describe(value)} (must be { replications, level, startSeconds, series } over the run's ${intervals} intervals)`],
      source,
    );
  return value;
}

function findBodyKey(data: Record<string, unknown>): string | null {
  if (isRecord(data.results)) return "results";
  for (const [key, value] of Object.entries(data)) {
    if (key !== "stamp" && isRecord(value) && typeof value.kind === "string") return key;
  }
  return null;
}

function checkField(body: Record<string, unknown>, path: string, type: Requirement[1], bodyKey: string): string | null {
  let value: unknown = body;
  for (const key of path.split(".")) value = isRecord(value) ? value[key] : undefined;
  const ok =
    type === "array" ? Array.isArray(value) : type === "object" ? isRecord(value) : typeof value === type && (type !== "number" || Number.isFinite(value));
  if (ok) return null;
  return `invalid ${bodyKey}.${path}: ${value === undefined ? "missing" : describe(value)} (must be ${type === "array" ? "an array" : type === "object" ? "an object" : `a ${type}`})`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (typeof value === "object") return "an object";
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}
