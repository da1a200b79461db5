import {
  DEFAULT_BOT_DELAY_SECONDS,
  DEFAULT_BOT_HANDLE_SECONDS,
  DEFAULT_DATA_DIRECTORY,
  DEFAULT_HOST,
  DEFAULT_PORT,
  DEFAULT_STORE_SCENARIO,
} from "../store/storeOptions.ts";

/** `store`'s flags: loaded for its --help without the command's own dependencies. */
export const storeArgs = {
  scenario: { type: "string", description: `scenario file (default ${DEFAULT_STORE_SCENARIO})` },
  policy: { type: "string", description: "trigger policy file replacing the scenario's chat.policy" },
  host: { type: "string", description: `address to listen on (default ${DEFAULT_HOST}: this machine only)` },
  port: { type: "string", description: `port (default ${DEFAULT_PORT}; 0 picks a free one)` },
  data: { type: "string", description: `folder for the event log (default ${DEFAULT_DATA_DIRECTORY})` },
  autoAgents: { type: "string", description: "bot agents online from the start (default 0)" },
  botDelaySeconds: { type: "string", description: `seconds a bot agent takes to answer (default ${DEFAULT_BOT_DELAY_SECONDS})` },
  botHandleSeconds: { type: "string", description: `seconds after which a bot agent closes a chat (default ${DEFAULT_BOT_HANDLE_SECONDS})` },
  users: { type: "string", description: "accounts file (default <data>/users.json; add accounts with `store users add`)" },
  demo: { type: "boolean", description: "make throwaway admin and agent accounts with random passwords, printed once" },
  allowedHost: { type: "string", description: "comma-separated extra Host names the store answers to (default: its address and localhost)" },
} as const;
