import { join, resolve } from "node:path";
import { defineCommand } from "citty";
import { accountProblems, addUserToFile, DEFAULT_DATA_DIRECTORY, ROLES, randomPassword, USERS_FILE } from "../store/index.ts";
import { rejectUnknownOptions } from "./options.ts";
import { UsageError } from "./UsageError.ts";

const addArgs = {
  username: { type: "string", description: "sign-in name: 1-40 letters, digits, '.', '-' or '_'", required: true },
  role: { type: "string", description: `one of ${ROLES.join(", ")}`, required: true },
  name: { type: "string", description: "name shown to shoppers and the team (default: the username)" },
  data: { type: "string", description: `data folder whose users.json to write (default ${DEFAULT_DATA_DIRECTORY})` },
  users: { type: "string", description: "users file to write instead of <data>/users.json" },
  passwordStdin: { type: "boolean", description: "read the password from standard input (else a random one is made and printed once)" },
} as const;

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks)
    .toString("utf8")
    .replace(/\r?\n$/, "");
}

/** `store users add`: one account in the users file, its password hashed with scrypt. */
const addCommand = defineCommand({
  meta: { name: "add", description: "Add an agent or admin account to the store's users file" },
  args: addArgs,
  async run({ args: parsed, rawArgs }) {
    rejectUnknownOptions(rawArgs, addArgs);
    const generated = parsed.passwordStdin !== true;
    const password = generated ? randomPassword() : await readStdin();
    const account = { username: parsed.username, role: parsed.role, displayName: parsed.name, password };
    const problems = accountProblems(account).map((line) =>
      line.replace(/^invalid (username|role|name)/, "invalid --$1").replace(/^invalid password/, "invalid password (stdin)"),
    );
    if (problems.length > 0) throw new UsageError(problems);
    const file = resolve(parsed.users ?? join(parsed.data ?? DEFAULT_DATA_DIRECTORY, USERS_FILE));
    try {
      await addUserToFile(file, { ...account, role: account.role as (typeof ROLES)[number] });
    } catch (error) {
      throw new UsageError(error instanceof Error ? error.message.replace(/^invalid username/, "invalid --username") : String(error));
    }
    process.stdout.write(`added ${parsed.role} ${parsed.username} to ${file}\n`);
    if (generated) process.stdout.write(`password: ${password}\n(shown once: it is stored only as a scrypt hash)\n`);
  },
});

/** `store users`: manage console accounts. */
export const storeUsersCommand = defineCommand({
  meta: { name: "users", description: "Manage the store's console accounts (agents and admins)" },
  subCommands: { add: addCommand },
});
