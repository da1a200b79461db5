import type { StoreModelConfig } from "../../sim/model/index.ts";
import { resolvePolicy } from "../../sim/policy/index.ts";

/** The policy of a store without a chat desk: no "Need help?" button and no proactive rules. */
const NO_CHAT_POLICY = resolvePolicy({
  name: "no-chat",
  description: "counterfactual: the store without its chat desk",
  reactive: { enabled: false },
  rules: [],
});

/**
 * The same store with the chat desk removed: nobody can ask for help and nobody is invited, so no
 * chat is ever requested. Everything else (traffic, segments, funnel, streams) is unchanged, so a run
 * with the same seed meets the same shoppers making the same draws until a chat would have happened:
 * the counterfactual half of a paired (common random numbers) comparison.
 */
export function withoutChatDesk(config: StoreModelConfig): StoreModelConfig {
  return { ...config, chat: { ...config.chat, policy: NO_CHAT_POLICY } };
}
