import type { ChatRecord } from "./chatRecords.ts";

/**
 * Chats whose messages, agent name or rating comment contain every word of `query`
 * (case-insensitive), newest first, at most `limit`. An empty query lists the newest chats.
 */
export function searchTranscripts(records: readonly ChatRecord[], query: string, limit = 50): ChatRecord[] {
  const words = query
    .toLowerCase()
    .split(/\s+/)
    .filter((word) => word !== "");
  const matches = records.filter((record) => {
    const haystack = [record.agentName, record.agentId, record.ratingComment ?? "", ...record.messages.map((message) => message.text)].join("\n").toLowerCase();
    return words.every((word) => haystack.includes(word));
  });
  return matches.sort((a, b) => b.startedAtMs - a.startedAtMs).slice(0, limit);
}
