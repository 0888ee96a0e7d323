import { kernelMigrations } from "@tandem/accounts";
import { type Database, migrate, openDatabase } from "@tandem/kernel";
import { createTestBackend, type TestBackend } from "@tandem/testkit";
import { sql } from "kysely";
import { afterEach, beforeEach, describe, expect, test } from "vitest";

/**
 * Accounts' migration history, named `kernel` since before accounts left the kernel (so
 * databases made then upgrade in place): its tables, applied once, and its bigint times.
 */
let backend: TestBackend;
let database: Database;

beforeEach(async () => {
  backend = await createTestBackend();
  database = await openDatabase({ databaseUrl: backend.databaseUrl, dataDir: backend.dataDir });
});

afterEach(async () => {
  await database.close();
  await backend.dispose();
});

/** Whether a table exists, asked the way each engine answers it. */
async function tableExists(name: string): Promise<boolean> {
  const query =
    database.engine === "sqlite"
      ? sql<{
          n: number;
        }>`select count(*) as n from sqlite_master where type = 'table' and name = ${name}`
      : sql<{
          n: number;
        }>`select count(*) as n from information_schema.tables where table_name = ${name}`;
  const { rows } = await query.execute(database.db);
  return Number(rows[0]?.n) > 0;
}

/** The migrations a module's history table records. */
async function recorded(module: string): Promise<string[]> {
  const rows = await database.db
    .selectFrom(`tandem_migrations_${module}`)
    .select("name")
    .orderBy("name")
    .execute();
  return rows.map((r) => r.name as string);
}

describe("migrate", () => {
  test("applies the kernel's migrations once; a second run applies nothing", async () => {
    expect(await migrate(database, [kernelMigrations])).toEqual([
      { module: "kernel", name: "0001_accounts" },
      { module: "kernel", name: "0002_login_throttle" },
      { module: "kernel", name: "0003_token_scopes" },
      { module: "kernel", name: "0004_mail_outbox" },
      { module: "kernel", name: "0005_login_known_sources" },
    ]);
    for (const table of [
      "users",
      "personal_access_tokens",
      "sessions",
      "login_throttle",
      "mail_outbox",
    ]) {
      expect(await tableExists(table), table).toBe(true);
    }
    expect(await migrate(database, [kernelMigrations])).toEqual([]);
    expect(await recorded("kernel")).toEqual([
      "0001_accounts",
      "0002_login_throttle",
      "0003_token_scopes",
      "0004_mail_outbox",
      "0005_login_known_sources",
    ]);
  });
});

test("bigint timestamps come back as JavaScript numbers", async () => {
  await migrate(database, [kernelMigrations]);
  const at = Date.now();
  await database.db
    .insertInto("users")
    .values({
      id: "u1",
      email: "a@b",
      name: "A",
      role: "member",
      created_at: at,
      disabled_at: null,
    })
    .execute();
  const row = await database.db
    .selectFrom("users")
    .select(["created_at", "disabled_at"])
    .executeTakeFirstOrThrow();
  expect(row).toEqual({ created_at: at, disabled_at: null });
  expect(typeof row.created_at).toBe("number");
  const { count } = await database.db
    .selectFrom("users")
    .select((eb) => eb.fn.countAll().as("count"))
    .executeTakeFirstOrThrow();
  expect(count).toBe(1);
});
