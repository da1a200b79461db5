/** `init`'s flags: loaded for its --help without the command's own dependencies. */
export const initArgs = {
  mode: { type: "string", description: "store (default: shoppers, funnel and chat) or chat-only (just the chat queue)" },
  out: { type: "string", description: "file to write (default scenario.yaml; never overwritten without --force)" },
  name: { type: "string", description: "scenario name (default: My store / My chat desk)" },
  sessionsPerDay: { type: "string", description: "store: sessions a day (default 40000)" },
  chatsPerDay: { type: "string", description: "chat-only: chats a day (default 3000)" },
  agents: { type: "string", description: "agents scheduled all day (default 4)" },
  concurrency: { type: "string", description: "chats one agent holds at once (default 2)" },
  checkoutSteps: { type: "string", description: "store: checkout steps, 1 to 4 (default 4: account, shipping, payment, review)" },
  force: { type: "boolean", description: "overwrite --out if it exists" },
} as const;
