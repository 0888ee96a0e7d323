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

  async get(name: string): Promise<string> {
    // Insert-if-absent, then read: instances starting together end up with the same secret.
    await this.#db
      .insertInto("identity_secrets")
      .values({ name, value: randomBytes(32).toString("base64url"), created_at: Date.now() })
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
