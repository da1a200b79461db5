import { existsSync, readFileSync } from "node:fs";
import { z } from "zod";
import { formatIssues } from "../../../experiments/index.ts";
import { hashPassword, type PasswordHash, verifyPassword } from "./passwordHash.ts";
import { writeFileDurable } from "./writeFileDurable.ts";

/** What an account may do: agents work chats; admins also manage staffing, canned replies and see the team. */
export type Role = "agent" | "admin";
export const ROLES: readonly Role[] = ["agent", "admin"];

/** One person (or demo bot) who may sign in to the console. */
export interface UserAccount {
  readonly username: string;
  readonly displayName: string;
  readonly role: Role;
  readonly password: PasswordHash;
}

/** Letters, digits, dot, dash and underscore, 1–40 characters, starting with a letter or digit. */
export const USERNAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/;
const MAX_DISPLAY_NAME = 40;

const accountSchema = z.strictObject({
  username: z.string().regex(USERNAME_PATTERN, { error: "must be 1-40 letters, digits, '.', '-' or '_'" }),
  displayName: z.string().min(1).max(MAX_DISPLAY_NAME),
  role: z.enum(["agent", "admin"], { error: "must be one of agent, admin" }),
  password: z.strictObject({
    algorithm: z.literal("scrypt"),
    N: z.number().int().min(2),
    r: z.number().int().min(1),
    p: z.number().int().min(1),
    salt: z.string().min(1),
    hash: z.string().min(1),
  }),
});
const usersFileSchema = z.strictObject({ users: z.array(accountSchema) });

/** Reads a users file; a missing file is an empty directory. Throws one house-format line per problem. */
export function readUsersFile(path: string): UserAccount[] {
  if (!existsSync(path)) return [];
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(path, "utf8"));
  } catch (error) {
    throw new Error(`invalid users file ${path}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const parsed = usersFileSchema.safeParse(data, { reportInput: true });
  if (!parsed.success) throw new Error(`invalid users file ${path}: ${formatIssues(parsed.error.issues).join("; ")}`);
  return parsed.data.users;
}

/** New account fields as a person gives them. */
export interface NewAccount {
  username: string;
  role: Role;
  displayName?: string;
  password: string;
}

/** Checks the fields of a new account; returns one house-format line per problem. */
export function accountProblems(account: { username: string; role: string; displayName?: string; password: string }): string[] {
  const problems: string[] = [];
  if (!USERNAME_PATTERN.test(account.username))
    problems.push(`invalid username: ${JSON.stringify(account.username)} (must be 1-40 letters, digits, '.', '-' or '_', starting with a letter or digit)`);
  if (!(ROLES as readonly string[]).includes(account.role)) problems.push(`invalid role: ${JSON.stringify(account.role)} (allowed: ${ROLES.join(", ")})`);
  const name = account.displayName ?? account.username;
  if (name.trim() === "" || name.length > MAX_DISPLAY_NAME) problems.push(`invalid name: ${JSON.stringify(name)} (must be 1-${MAX_DISPLAY_NAME} characters)`);
  if (account.password.length < 12) problems.push(`invalid password: ${account.password.length} characters (must be at least 12)`);
  return problems;
}

/** Hashes the password and builds the stored account (throws on bad fields). */
export async function createAccount(account: NewAccount): Promise<UserAccount> {
  const problems = accountProblems(account);
  if (problems.length > 0) throw new Error(problems.join("; "));
  return {
    username: account.username,
    displayName: (account.displayName ?? account.username).trim(),
    role: account.role,
    password: await hashPassword(account.password),
  };
}

/**
 * Adds `account` to the users file at `path` (created if missing, readable by its owner only),
 * written whole or not at all. Refuses a username that is already there.
 */
export async function addUserToFile(path: string, account: NewAccount): Promise<UserAccount> {
  const users = readUsersFile(path);
  if (users.some((user) => user.username === account.username)) throw new Error(`invalid username: ${JSON.stringify(account.username)} (already in ${path})`);
  const created = await createAccount(account);
  writeFileDurable(path, `${JSON.stringify({ users: [...users, created] }, null, 2)}\n`);
  return created;
}

/**
 * The accounts a store accepts: those of the users file plus any made at start (demo accounts,
 * kept in memory only). Verification costs one scrypt whether or not the name exists, so response
 * time does not tell which usernames are real.
 */
export class UserDirectory {
  readonly #accounts = new Map<string, UserAccount>();
  readonly #decoy: PasswordHash;

  constructor(accounts: readonly UserAccount[], decoy: PasswordHash) {
    for (const account of accounts) this.#accounts.set(account.username, account);
    this.#decoy = decoy;
  }

  /** A directory with a decoy hash made for the timing-equal check of unknown usernames. */
  static async create(accounts: readonly UserAccount[]): Promise<UserDirectory> {
    return new UserDirectory(accounts, await hashPassword("decoy password for unknown usernames"));
  }

  add(account: UserAccount): void {
    this.#accounts.set(account.username, account);
  }

  get(username: string): UserAccount | undefined {
    return this.#accounts.get(username);
  }

  get size(): number {
    return this.#accounts.size;
  }

  /** The account when `password` is its password, else null. */
  async verify(username: string, password: string): Promise<UserAccount | null> {
    const account = this.#accounts.get(username);
    const matches = await verifyPassword(password, account?.password ?? this.#decoy);
    return account && matches ? account : null;
  }
}
