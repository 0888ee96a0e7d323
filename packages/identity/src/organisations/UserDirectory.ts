import type { KernelTables } from "@tandem/accounts";
import type { Database } from "@tandem/kernel";
import { type Kysely, sql } from "kysely";
import type { IdentityTables } from "../storage/tables.js";

type Tables = IdentityTables & KernelTables;

export interface DirectoryEntry {
  id: string;
  email: string;
  name: string;
  role: "admin" | "member";
  createdAt: number;
  disabledAt: number | null;
  organisation: { id: string; name: string } | null;
}

const COLUMNS = [
  "u.id",
  "u.email",
  "u.name",
  "u.role",
  "u.created_at",
  "u.disabled_at",
  "o.id as organisation_id",
  "o.name as organisation_name",
] as const;

/** Accounts with their organisations, searched and paged for the admin UI. */
export class UserDirectory {
  readonly #db: Kysely<Tables>;

  constructor(database: Database) {
    this.#db = database.db;
  }

  /** `query` matches part of the e-mail or the name, whatever the case; ordered by e-mail. */
  async search(options: {
    query?: string;
    offset: number;
    limit: number;
  }): Promise<{ users: DirectoryEntry[]; total: number }> {
    let base = this.#joined();
    const query = options.query?.trim().toLowerCase();
    if (query) {
      // PostgreSQL's LIKE is case-sensitive and SQLite's has no default escape: spell both out.
      const pattern = `%${query.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      base = base.where((eb) =>
        eb.or([
          sql<boolean>`lower(u.email) like ${pattern} escape '\\'`,
          sql<boolean>`lower(u.name) like ${pattern} escape '\\'`,
        ]),
      );
    }
    const [rows, count] = await Promise.all([
      base.select(COLUMNS).orderBy("u.email").limit(options.limit).offset(options.offset).execute(),
      base.select((eb) => eb.fn.countAll().as("total")).executeTakeFirst(),
    ]);
    return { total: Number(count?.total ?? 0), users: rows.map(toEntry) };
  }

  async byId(id: string): Promise<DirectoryEntry | undefined> {
    const row = await this.#joined().select(COLUMNS).where("u.id", "=", id).executeTakeFirst();
    return row && toEntry(row);
  }

  #joined() {
    return this.#db
      .selectFrom("users as u")
      .leftJoin("account_profiles as p", "p.user_id", "u.id")
      .leftJoin("organisations as o", "o.id", "p.organisation_id");
  }
}

function toEntry(row: {
  id: string;
  email: string;
  name: string;
  role: "admin" | "member";
  created_at: number;
  disabled_at: number | null;
  organisation_id: string | null;
  organisation_name: string | null;
}): DirectoryEntry {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    createdAt: row.created_at,
    disabledAt: row.disabled_at,
    organisation:
      row.organisation_id && row.organisation_name
        ? { id: row.organisation_id, name: row.organisation_name }
        : null,
  };
}
