// Team analytics of the live store: the chats agents took, projected from the event log, and the
// per-agent / per-team figures per interval that the team page and the exports show.

export { chatRecords, type ChatRecord } from "./chatRecords.ts";
export { teamFigures, teamFiguresCsv, teamFiguresExport, type TeamFigureRow, type TeamFiguresExport } from "./teamFigures.ts";
export { searchTranscripts } from "./searchTranscripts.ts";
