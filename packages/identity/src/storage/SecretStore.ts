import { randomBytes } from "node:crypto";
import type { Database } from "@tandem/kernel";
import type { Kysely } from "kysely";
import type { IdentityTables } from "./tables.js";

/** Named random secrets, made once and shared by every instance through the database. */
export class SecretStore {
  readonly #db: Kysely<IdentityTables>;

  constructor(database: Database) {
    this.#db = database.db;
  }

  get(name: string): Promise<string> {
    return this.putIfAbsent(name, randomBytes(32).toString("base64url"));
  }

  /** Stores the value unless the name has one; returns the value that is stored. */
  async putIfAbsent(name: string, value: string): Promise<string> {
    // Insert-if-absent, then read: instances starting together end up with the same value.
    await this.#db
      .insertInto("identity_secrets")
      .values({ name, value, created_at: Date.now() })
      .onConflict((oc) => oc.column("name").doNothing())
      .execute();
    const row = await this.#db
      .selectFrom("identity_secrets")
      .select("value")
      .where("name", "=", name)
      .executeTakeFirstOrThrow();
    return row.value;
  }
}
