import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { defineCommand } from "citty";
import { initArgs as args } from "./initArgs.ts";
import { integerOption, rejectUnknownOptions } from "./options.ts";
import { printNext } from "./printNext.ts";
import { starterScenario } from "./starterScenario.ts";
import { UsageError } from "./UsageError.ts";
import { writeFileAtomic } from "./writeFileAtomic.ts";

/** `init`: a commented starter scenario from a few numbers, valid as written. */
export const initCommand = defineCommand({
  meta: { name: "init" },
  args,
  async run({ args: parsed, rawArgs }) {
    rejectUnknownOptions(rawArgs, args);
    const mode = parsed.mode === undefined || parsed.mode === "store" ? "store" : parsed.mode === "chat-only" ? "chatOnly" : null;
    if (mode === null) throw new UsageError(`invalid --mode: ${JSON.stringify(parsed.mode)} (allowed: store, chat-only)`);
    if (mode === "store" && parsed.chatsPerDay !== undefined)
      throw new UsageError("invalid --chats-per-day: used with --mode store (a store takes --sessions-per-day)");
    if (mode === "chatOnly" && (parsed.sessionsPerDay !== undefined || parsed.checkoutSteps !== undefined))
      throw new UsageError("invalid --sessions-per-day/--checkout-steps: used with --mode chat-only (a chat desk has no shoppers)");
    const outPath = typeof parsed.out === "string" && parsed.out !== "" ? parsed.out : "scenario.yaml";
    const options = {
      mode,
      name: typeof parsed.name === "string" && parsed.name !== "" ? parsed.name : mode === "store" ? "My store" : "My chat desk",
      perDay:
        mode === "store"
          ? (integerOption(parsed.sessionsPerDay, "--sessions-per-day", 1, 100_000_000) ?? 40_000)
          : (integerOption(parsed.chatsPerDay, "--chats-per-day", 1, 10_000_000) ?? 3000),
      agents: integerOption(parsed.agents, "--agents", 0, 100_000) ?? 4,
      concurrency: integerOption(parsed.concurrency, "--concurrency", 1, 10) ?? 2,
      checkoutSteps: integerOption(parsed.checkoutSteps, "--checkout-steps", 1, 4) ?? 4,
      outPath,
    } as const;
    if (existsSync(outPath) && !parsed.force) throw new UsageError(`invalid --out: ${outPath} (exists; pass --force to overwrite it)`);
    // Checked by loading before it is written: a starter the loader rejects is never left on disk.
    const text = starterScenario(options);
    const [{ parseScenario }, { parse }] = await Promise.all([import("../../experiments/index.ts"), import("yaml")]);
    parseScenario(parse(text), { path: resolve(outPath) });
    writeFileAtomic(outPath, text);
    process.stdout.write(`starter ${mode === "store" ? "store" : "chat-only"} scenario written to ${outPath}\n`);
    printNext(`convsim ${mode === "store" ? "simulate" : "staff"} ${outPath}`);
  },
});
