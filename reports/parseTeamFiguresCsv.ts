import { ReportInputError } from "./ReportInputError.ts";

/** The header line of the live store's team export as CSV (`GET /api/admin/team?format=csv`). */
export const TEAM_FIGURES_CSV_HEADER =
  "intervalStart,agentId,agentName,chatsHandled,firstResponseSeconds,meanHandleSeconds,concurrency,rescuedOrders,revenue,rating,ratings";

const TEXT_COLUMNS = new Set(["agentId", "agentName"]);
const NULLABLE_COLUMNS = new Set(["firstResponseSeconds", "meanHandleSeconds", "rating"]);

/** True when a file's text is the team export as CSV (told by its header line). */
export function isTeamFiguresCsv(text: string): boolean {
  return text.replace(/^\uFEFF/, "").split(/\r?\n/, 1)[0] === TEAM_FIGURES_CSV_HEADER;
}

/**
 * The team export's CSV as the JSON export's shape (`{ kind: "teamFigures", rows }`; the CSV carries
 * neither currency nor interval length). Cells follow RFC 4180 (quoted when they hold a comma, quote
 * or line break, or start like a formula); an empty cell is null. Throws ReportInputError naming the
 * line and column of the first bad cell.
 */
export function parseTeamFiguresCsv(text: string, source: string): { kind: "teamFigures"; rows: Record<string, string | number | null>[] } {
  const [header, ...records] = csvRecords(text.replace(/^\uFEFF/, ""), source);
  const rows = records
    .filter((record) => !(record.length === 1 && record[0] === ""))
    .map((record, index) => {
      const line = index + 2;
      if (record.length !== header.length) throw new ReportInputError([`invalid ${source} record ${line}: ${record.length} cells (must be ${header.length})`]);
      const row: Record<string, string | number | null> = {};
      header.forEach((column, at) => {
        const cell = record[at];
        if (column === "intervalStart") {
          const ms = Date.parse(cell);
          if (!Number.isFinite(ms))
            throw new ReportInputError([`invalid ${source} record ${line} intervalStart: ${JSON.stringify(cell.slice(0, 40))} (must be an ISO date)`]);
          row.intervalStartMs = ms;
        } else if (TEXT_COLUMNS.has(column)) row[column] = cell;
        else if (cell === "" && NULLABLE_COLUMNS.has(column)) row[column] = null;
        else {
          const value = cell.trim() === "" ? Number.NaN : Number(cell);
          if (!Number.isFinite(value))
            throw new ReportInputError([
              `invalid ${source} record ${line} ${column}: ${JSON.stringify(cell.slice(0, 40))} (must be a number${NULLABLE_COLUMNS.has(column) ? " or empty" : ""})`,
            ]);
          row[column] = value;
        }
      });
      return row;
    });
  return { kind: "teamFigures", rows };
}

/** RFC 4180 records: quoted cells may hold commas, doubled quotes and line breaks. */
function csvRecords(text: string, source: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let cell = "";
  let quoted = false;
  for (let at = 0; at < text.length; at++) {
    const char = text[at];
    if (quoted) {
      if (char === '"' && text[at + 1] === '"') (cell += '"'), at++;
      else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"' && cell === "") quoted = true;
    else if (char === ",") record.push(cell), (cell = "");
    else if (char === "\n" || char === "\r") {
      if (char === "\r" && text[at + 1] === "\n") at++;
      record.push(cell), records.push(record), (record = []), (cell = "");
    } else cell += char;
  }
  if (quoted) throw new ReportInputError([`invalid ${source}: unterminated quoted cell on record ${records.length + 1}`]);
  if (cell !== "" || record.length > 0) record.push(cell), records.push(record);
  return records;
}
