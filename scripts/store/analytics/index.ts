// Team analytics of the live store: the chats agents took, projected from the event log, and the
// per-agent / per-team figures per interval that the team page and the exports show.

export { type ChatRecord, chatRecords } from "./chatRecords.ts";
export { searchTranscripts } from "./searchTranscripts.ts";
export { type TeamFigureRow, type TeamFiguresExport, teamFigures, teamFiguresCsv, teamFiguresExport } from "./teamFigures.ts";
