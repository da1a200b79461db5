import { readFileSync } from "node:fs";
import { dirname, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { isMap, isSeq, parseDocument, type YAMLMap } from "yaml";

/** The shipped, commented store scenario a store starter is made from. */
const BASELINE = fileURLToPath(new URL("../../experiments/scenarios/baseline.yaml", import.meta.url));
/** The baseline's checkout steps, kept in this order of priority as `checkoutSteps` shrinks: guest checkout drops the account step first, then the review step, then shipping merges into payment. */
const STEPS_BY_PRIORITY = ["payment", "shipping", "review", "account"];

/** What `convsim init` asks for. */
export interface StarterOptions {
  mode: "store" | "chatOnly";
  name: string;
  /** Store: sessions a day; chat-only: chats a day. */
  perDay: number;
  agents: number;
  concurrency: number;
  /** Store only: checkout steps, 1 to 4. */
  checkoutSteps: number;
  /** Where the scenario will be written (relative paths in it are made from there). */
  outPath: string;
}

/**
 * A starter scenario as commented YAML. Store: the shipped baseline (every default cited in its
 * comments) with the traffic, agents, concurrency and checkout steps given; chat-only: a small
 * contact-centre queue. Both are meant to be edited; `loadScenario` accepts them as written.
 */
export function starterScenario(options: StarterOptions): string {
  return options.mode === "chatOnly" ? chatOnlyStarter(options) : storeStarter(options);
}

function chatOnlyStarter(options: StarterOptions): string {
  return `# yaml-language-server: $schema=${schemaPath(options.outPath)}
# A chat-only desk written by \`convsim init\`: just the queue, for staffing questions
# (\`convsim staff <this file>\`). Edit the numbers; every field is documented in the schema.
name: ${JSON.stringify(options.name)}
mode: chatOnly
currency: USD
seed: 1
horizon: { days: 1, intervalMinutes: 30 }

arrivals:
  chatsPerDay: ${options.perDay}
  # Optional: relative chats per interval from 00:00 (48 values for 30-minute intervals).
  # dailyProfile: [...]

# Handle time of one chat when the agent holds no other, seconds (an assumption: about 10 minutes;
# Comm100's live chat benchmark reports ~12 min on average).
handleSeconds: { kind: lognormal, mean: 600, sd: 360 }
# Each extra chat an agent holds stretches handle time by this share (an assumption, 0.1-0.3 plausible).
slowdownPerExtraChat: 0.2
# Time a waiting customer stays before giving up; delete for infinitely patient customers (Erlang C).
patienceSeconds: { kind: exponential, mean: 150 }
serviceLevelSeconds: 30

agents:
  concurrency: ${options.concurrency}
  shrinkage: 0.30   # share of paid time not on chats (breaks, training); an assumption, 0.25-0.35 typical
  costPerHour: 26
  schedule: ${options.agents}   # agents all day; or blocks: [{ from: "09:00", to: "17:00", agents: 4 }, ...]
`;
}

function storeStarter(options: StarterOptions): string {
  const document = parseDocument(readFileSync(BASELINE, "utf8"));
  const keep = new Set(STEPS_BY_PRIORITY.slice(0, options.checkoutSteps));
  document.set("name", options.name);
  document.set(
    "description",
    `Starter store written by convsim init from the baseline: ${options.perDay} sessions/day, ${options.checkoutSteps} checkout step${options.checkoutSteps === 1 ? "" : "s"}, ${options.agents} agents holding ${options.concurrency} chats`,
  );
  document.setIn(["traffic", "sessionsPerDay"], options.perDay);
  document.setIn(["agents", "concurrency"], options.concurrency);
  document.setIn(["agents", "schedule"], options.agents);
  const steps = document.getIn(["funnel", "steps"]);
  if (isSeq(steps)) {
    steps.items = steps.items.filter((step) => isMap(step) && keep.has(String(step.get("name"))));
    // The step that shows the full price (sticker shock) must survive: the first kept step takes it over.
    const first = steps.items[0] as YAMLMap | undefined;
    if (first !== undefined && !steps.items.some((step) => (step as YAMLMap).get("revealsTotal") === true)) first.set("revealsTotal", true);
  }
  // The policy file is named relative to the scenario: point it there from where the starter goes.
  const policy = document.getIn(["chat", "policy"]);
  if (typeof policy === "string") document.setIn(["chat", "policy"], relative(dirname(resolve(options.outPath)), resolve(dirname(BASELINE), policy)));
  const text = document.toString({ lineWidth: 0 });
  return text
    .replace(/^# yaml-language-server: \$schema=.*$/m, `# yaml-language-server: $schema=${schemaPath(options.outPath)}`)
    .replace(/^(# yaml-language-server.*\n)/, `$1# Written by \`convsim init\` from the shipped baseline store; the comments below are the baseline's.\n`);
}

function schemaPath(outPath: string): string {
  return relative(dirname(resolve(outPath)), fileURLToPath(new URL("../../experiments/scenario.schema.json", import.meta.url)));
}
