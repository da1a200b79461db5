import { randomPassword } from "./passwordHash.ts";
import { createAccount, type Role, type UserAccount } from "./UserDirectory.ts";

/** A throwaway account of a `--demo` run, with its password (shown once, never stored). */
export interface DemoAccount {
  readonly username: string;
  readonly role: Role;
  readonly password: string;
}

const DEMO_USERS: readonly { username: string; role: Role; displayName: string }[] = [
  { username: "demo-admin", role: "admin", displayName: "Demo lead" },
  { username: "demo-agent-1", role: "agent", displayName: "Demo agent 1" },
  { username: "demo-agent-2", role: "agent", displayName: "Demo agent 2" },
];

/**
 * Accounts for one demo run: an admin and two agents, each with a fresh random password. They live
 * only in the running store's memory, so the next run has new passwords and nothing lingers.
 */
export async function demoAccounts(): Promise<{ accounts: UserAccount[]; credentials: DemoAccount[] }> {
  const credentials = DEMO_USERS.map((user) => ({ username: user.username, role: user.role, password: randomPassword() }));
  const accounts = await Promise.all(DEMO_USERS.map((user, i) => createAccount({ ...user, password: credentials[i].password })));
  return { accounts, credentials };
}
