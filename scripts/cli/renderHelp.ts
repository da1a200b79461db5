import type { ArgsDef } from "citty";
import { COMMANDS, type CommandEntry } from "./commandTable.ts";
import { EXIT_CODE_HELP } from "./exitCodes.ts";
import { kebab } from "./kebab.ts";
import { rows } from "./rows.ts";

/** The tool's one-line description (package.json says the same). */
export const TOOL_DESCRIPTION = "Conversion experiment and simulation toolkit: checkout abandonment, proactive chat, agent staffing";

/** `convsim --help`: every command, the global flags and the exit codes. Plain text, no colour: it is read as often in a pipe as on a terminal. */
export function renderGeneralHelp(version: string): string {
  return [
    `convsim ${version}: ${TOOL_DESCRIPTION}`,
    "",
    "usage: convsim <command> [options]",
    "",
    "commands:",
    rows(COMMANDS.map((entry) => [entry.name, entry.summary])),
    "",
    "options:",
    rows([
      ["-h, --help", "show help (convsim help <command> for a command's flags)"],
      ["-v, --version", "print the version"],
    ]),
    "",
    "exit codes:",
    rows(EXIT_CODE_HELP),
    "",
    "next: npm start runs the main job; convsim init writes a starter scenario",
    "",
  ].join("\n");
}

/** `convsim help <command>` / `convsim <command> --help`: usage line, arguments and flags as the README spells them (kebab-case). */
export function renderCommandHelp(entry: CommandEntry, args: ArgsDef): string {
  const entries = Object.entries(args);
  const positionals = entries.filter(([, arg]) => arg.type === "positional");
  const flags = entries.filter(([, arg]) => arg.type !== "positional");
  const usage = [
    "usage: convsim",
    entry.name,
    ...positionals.map(([name, arg]) => (arg.required === false ? `[${name}]` : `<${name}>`)),
    ...(flags.length > 0 ? ["[options]"] : []),
  ].join(" ");
  const lines = [`convsim ${entry.name}: ${entry.summary}`, "", usage];
  if (positionals.length > 0) lines.push("", "arguments:", rows(positionals.map(([name, arg]) => [`<${name}>`, arg.description ?? ""])));
  lines.push(
    "",
    "options:",
    rows([...flags.map(([name, arg]) => [flagSyntax(name, arg), arg.description ?? ""] as [string, string]), ["-h, --help", "show this help"]]),
  );
  lines.push("");
  return lines.join("\n");
}

function flagSyntax(name: string, arg: ArgsDef[string]): string {
  const aliases = "alias" in arg && arg.alias !== undefined ? (Array.isArray(arg.alias) ? arg.alias : [arg.alias]) : [];
  const prefix = aliases.map((alias) => `-${alias}, `).join("");
  if (arg.type === "boolean") return `${prefix}${arg.default === true ? `--no-${kebab(name)}` : `--${kebab(name)}`}`;
  return `${prefix}--${kebab(name)} <value>`;
}
