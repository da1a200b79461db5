import type { LoadedScenario } from "../../../experiments/index.ts";
import type { ResolvedPolicy } from "../../../sim/policy/index.ts";
import type { UserDirectory } from "../auth/UserDirectory.ts";
import type { BotAgents } from "../chat/BotAgents.ts";
import type { CannedReplies } from "../chat/CannedReplies.ts";
import type { ChatService } from "../chat/ChatService.ts";
import type { LiveStreams } from "../chat/LiveStreams.ts";
import type { StoreService } from "../shop/StoreService.ts";

/** Everything the routes share; built once by startStore. */
export interface StoreContext {
  readonly loaded: LoadedScenario;
  readonly policy: ResolvedPolicy;
  readonly store: StoreService;
  readonly chats: ChatService;
  readonly bots: BotAgents;
  readonly streams: LiveStreams;
  /** Accounts that may sign in to the console. */
  readonly users: UserDirectory;
  /** The team's canned replies (admins edit them). */
  readonly canned: CannedReplies;
  /** The event log file (the record the team figures are projected from). */
  readonly eventLogPath: string;
  /** Bundled and static assets by URL path. */
  readonly assets: ReadonlyMap<string, { contentType: string; body: string }>;
}
