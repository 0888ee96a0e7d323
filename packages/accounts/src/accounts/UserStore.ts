import type { Database } from "@tandem/kernel";
import type { Kysely } from "kysely";
import type { KernelTables, UserRow } from "./tables.js";

/** SQL for the users table; no rules here, see AccountService. */
export class UserStore {
  readonly #db: Kysely<KernelTables>;

  constructor(database: Database) {
    this.#db = database.db;
  }

  async insert(user: UserRow): Promise<void> {
    await this.#db.insertInto("users").values(user).execute();
  }

  byEmail(email: string): Promise<UserRow | undefined> {
    return this.#db.selectFrom("users").selectAll().where("email", "=", email).executeTakeFirst();
  }

  byId(id: string): Promise<UserRow | undefined> {
    return this.#db.selectFrom("users").selectAll().where("id", "=", id).executeTakeFirst();
  }

  list(): Promise<UserRow[]> {
    return this.#db
      .selectFrom("users")
      .selectAll()
      .orderBy("created_at")
      .orderBy("email")
      .execute();
  }

  async anyAdmin(): Promise<boolean> {
    const row = await this.#db
      .selectFrom("users")
      .select("id")
      .where("role", "=", "admin")
      .limit(1)
      .executeTakeFirst();
    return row !== undefined;
  }

  async setDisabled(id: string, at: number | null): Promise<void> {
    await this.#db.updateTable("users").set({ disabled_at: at }).where("id", "=", id).execute();
  }

  async setPasswordHash(id: string, hash: string): Promise<void> {
    await this.#db.updateTable("users").set({ password_hash: hash }).where("id", "=", id).execute();
  }

  async delete(id: string): Promise<void> {
    await this.#db.deleteFrom("users").where("id", "=", id).execute();
  }
}
