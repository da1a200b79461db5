import { defineCommand, runCommand } from "citty";
import { DEFAULT_PORT, startStore } from "../store/index.ts";
import { integerOption, numberOption, rejectUnknownOptions } from "./options.ts";
import { printNext } from "./printNext.ts";
import { storeArgs as args } from "./storeArgs.ts";
import { storeUsersCommand } from "./storeUsersCommand.ts";
import { UsageError } from "./UsageError.ts";

/** `store`: the live demo store for a scenario, until Ctrl-C (SIGINT) or SIGTERM. */
export const storeCommand = defineCommand({
  meta: { name: "store" },
  args,
  async run({ args: parsed, rawArgs }) {
    // `store users add ...` is dispatched here rather than as a citty subcommand, which would take
    // any stray word after an unknown flag (`store --prot 1`) for a subcommand name.
    if (rawArgs[0] === "users") return runCommand(storeUsersCommand, { rawArgs: rawArgs.slice(1) });
    rejectUnknownOptions(rawArgs, args);
    const port = integerOption(parsed.port, "--port", 0, 65535);
    const autoAgents = integerOption(parsed.autoAgents, "--auto-agents", 0, 1000);
    const botDelaySeconds = numberOption(parsed.botDelaySeconds, "--bot-delay-seconds", 0, 3600);
    const botHandleSeconds = numberOption(parsed.botHandleSeconds, "--bot-handle-seconds", 0, 86400);
    let store: Awaited<ReturnType<typeof startStore>>;
    try {
      store = await startStore({
        scenarioPath: parsed.scenario,
        policyPath: parsed.policy,
        host: parsed.host,
        port,
        dataDir: parsed.data,
        autoAgents,
        botDelaySeconds,
        botHandleSeconds,
        usersFile: parsed.users,
        demo: parsed.demo === true,
        allowedHosts:
          parsed.allowedHost === undefined
            ? []
            : parsed.allowedHost
                .split(",")
                .map((name) => name.trim())
                .filter((name) => name !== ""),
        onWarning: (message) => process.stderr.write(`warning: ${message}\n`),
      });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === "EADDRINUSE") throw new UsageError(`invalid --port: ${port ?? DEFAULT_PORT} (already in use; pick another or 0 for a free one)`);
      if (code === "EADDRNOTAVAIL" || code === "ENOTFOUND")
        throw new UsageError(`invalid --host: ${JSON.stringify(parsed.host)} (not an address of this machine)`);
      throw error;
    }
    const { scenario } = store;
    // One write: a process reading the banner gets it whole (a pipe delivers a write under 4 KB at once).
    const banner = [
      `store listening on ${store.url}`,
      `  scenario   ${scenario.scenario.name} (${scenario.path ?? "in memory"}, ${scenario.hash})`,
      `  policy     ${scenario.config.kind === "store" ? scenario.config.chat.policy.name : "–"}`,
      `  agents     ${store.url}/agent${autoAgents ? ` · ${autoAgents} bot agent${autoAgents === 1 ? "" : "s"} online` : ""}`,
      `  event log  ${store.eventLogPath}`,
    ];
    const { queued, active, closed } = store.restoredChats;
    if (queued + active + closed > 0)
      banner.push(`  open chats ${queued} back in the queue, ${active} back with their agent, ${closed} closed (held by a bot or a removed account)`);
    for (const account of store.demoAccounts) banner.push(`  demo ${account.role.padEnd(5)} ${account.username} / ${account.password}  (this run only)`);
    process.stdout.write(`${banner.join("\n")}\n`);
    printNext("convsim check runs synthetic shoppers against a store; Ctrl-C closes this one");
    await new Promise<void>((resolve) => {
      const stop = (signal: NodeJS.Signals) => {
        process.stdout.write(`${signal}: closing the store…\n`);
        store.close().then(resolve, (error: unknown) => {
          process.stderr.write(`error while closing: ${error instanceof Error ? error.message : String(error)}\n`);
          process.exitCode = 1;
          resolve();
        });
      };
      process.once("SIGINT", stop);
      process.once("SIGTERM", stop);
    });
    process.stdout.write("store closed\n");
  },
});
