import { randomUUID } from "node:crypto";
import {
  Conflict,
  type Database,
  InvalidCredentials,
  InvalidRequest,
  NotFound,
} from "@tandem/kernel";
import {
  generatePassword,
  hashPassword,
  passwordProblem,
  passwordRefusal,
  verifyPassword,
} from "./secrets.js";
import type { UserRow } from "./tables.js";
import { UserStore } from "./UserStore.js";

export interface NewUser {
  email: string;
  name: string;
  admin?: boolean;
  password?: string;
}

const EMAIL = /^[^\s@]+@[^\s@]+$/;

/** The rules for accounts: who may exist, how they prove who they are. */
export class AccountService {
  readonly users: UserStore;
  // Hashing for unknown e-mails too keeps sign-in time from telling which accounts exist.
  readonly #decoyHash: Promise<string>;

  constructor(database: Database) {
    this.users = new UserStore(database);
    this.#decoyHash = hashPassword(generatePassword());
    // Awaited by each sign-in for an unknown e-mail, where a failure surfaces; this only keeps
    // it from being reported as unhandled before the first one.
    this.#decoyHash.catch(() => {});
  }

  create(input: NewUser): Promise<UserRow> {
    return this.#create(input, { generatedPassword: false });
  }

  /**
   * A password this server generated (generatePassword) is random, so it skips the list of
   * common passwords, which people choose: loading that list costs the first start ~10 MB of
   * allocations (49,000 strings) for an answer known in advance.
   */
  async #create(input: NewUser, { generatedPassword }: { generatedPassword: boolean }) {
    const email = normaliseEmail(input.email);
    const name = input.name.trim();
    if (!EMAIL.test(email)) throw new InvalidRequest(`"${input.email}" is not an e-mail address`);
    if (name.length === 0 || name.length > 200) {
      throw new InvalidRequest("name must have between 1 and 200 characters");
    }
    if (input.password !== undefined) {
      const problem = generatedPassword
        ? passwordProblem(input.password)
        : await passwordRefusal(input.password);
      if (problem) throw new InvalidRequest(problem);
    }
    if (await this.users.byEmail(email)) throw new Conflict(`a user with e-mail ${email} exists`);
    const user: UserRow = {
      id: randomUUID(),
      email,
      name,
      role: input.admin ? "admin" : "member",
      password_hash: input.password === undefined ? null : await hashPassword(input.password),
      created_at: Date.now(),
      disabled_at: null,
    };
    try {
      await this.users.insert(user);
    } catch (error) {
      // Two creations racing past the check above: the unique index decides.
      if (await this.users.byEmail(email)) throw new Conflict(`a user with e-mail ${email} exists`);
      throw error;
    }
    return user;
  }

  async byEmail(email: string): Promise<UserRow> {
    const user = await this.users.byEmail(normaliseEmail(email));
    if (!user) throw new NotFound(`no user with e-mail ${email}`);
    return user;
  }

  list(): Promise<UserRow[]> {
    return this.users.list();
  }

  async disable(email: string): Promise<UserRow> {
    const user = await this.byEmail(email);
    if (user.disabled_at === null) {
      user.disabled_at = Date.now();
      await this.users.setDisabled(user.id, user.disabled_at);
    }
    return user;
  }

  /** The user whose password this is; the same error whether the e-mail or the password is wrong. */
  async checkPassword(email: string, password: string): Promise<UserRow> {
    const user = await this.users.byEmail(normaliseEmail(email));
    const hash = user?.password_hash ?? (await this.#decoyHash);
    const matches = await verifyPassword(password, hash);
    if (!user?.password_hash || !matches || user.disabled_at !== null) {
      throw new InvalidCredentials();
    }
    return user;
  }

  /**
   * Replaces the user's password after checking the current one. The new one is judged first
   * (length, common passwords), so a refused one costs no password check and counts as no
   * failed attempt. Pass `guard` to count the check like a sign-in (LoginThrottle).
   */
  async changePassword(
    user: UserRow,
    input: { currentPassword: string; newPassword: string },
    guard: <T>(check: () => Promise<T>) => Promise<T> = (check) => check(),
  ): Promise<void> {
    const problem = await passwordRefusal(input.newPassword);
    if (problem) throw new InvalidRequest(problem);
    await guard(async () => {
      try {
        return await this.checkPassword(user.email, input.currentPassword);
      } catch (error) {
        if (error instanceof InvalidCredentials) {
          throw new InvalidCredentials("The current password is wrong.");
        }
        throw error;
      }
    });
    if (input.newPassword.normalize("NFKC") === input.currentPassword.normalize("NFKC")) {
      throw new InvalidRequest("the new password must differ from the current one");
    }
    await this.users.setPasswordHash(user.id, await hashPassword(input.newPassword));
  }

  /**
   * At first start, the first administrator with a generated password, returned once
   * to be printed once. Null when an administrator exists already (disabled ones count),
   * so a member added by the CLI before the first start does not prevent it.
   */
  async createFirstAdmin(email: string): Promise<{ user: UserRow; password: string } | null> {
    if (await this.users.anyAdmin()) return null;
    const password = generatePassword();
    try {
      const user = await this.#create(
        { email, name: "Administrator", admin: true, password },
        { generatedPassword: true },
      );
      return { user, password };
    } catch (error) {
      if (!(error instanceof Conflict)) throw error;
      // Another instance starting at the same moment may have created it first.
      if (await this.users.anyAdmin()) return null;
      throw new Conflict(
        `there is no administrator yet and ${email} belongs to a member; set TANDEM_ADMIN_EMAIL to another e-mail`,
      );
    }
  }
}

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** The wire shape of a user in Tandem's REST API. */
export function presentUser(user: UserRow) {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    isAdmin: user.role === "admin",
    disabled: user.disabled_at !== null,
  };
}
