/**
 * An expected wait as a shopper reads it: Infinity (nobody online) → "until an agent comes online",
 * 0 → "any moment now", under a minute → "under a minute", else whole minutes rounded up.
 *
 * formatWait(130) // → "about 3 min"
 */
export function formatWait(seconds: number | null): string {
  if (seconds === null) return "";
  if (!Number.isFinite(seconds)) return "until an agent comes online";
  if (seconds <= 0) return "any moment now";
  if (seconds < 60) return "under a minute";
  return `about ${Math.ceil(seconds / 60)} min`;
}
