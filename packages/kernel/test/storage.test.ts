import { existsSync } from "node:fs";
import { join } from "node:path";
import {
  type Database,
  MigrationFailed,
  type ModuleMigrations,
  migrate,
  openDatabase,
  openPostgres,
  openSqlite,
  SQLITE_FILE,
  Unavailable,
} from "@tandem/kernel";
import { createTestBackend, type TestBackend } from "@tandem/testkit";
import { type Kysely, sql } from "kysely";
import { afterEach, beforeEach, describe, expect, test } from "vitest";

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

/** A module whose migrations each create one table; `broken` ones then run invalid SQL. */
function moduleOf(module: string, steps: { name: string; table: string; broken?: boolean }[]) {
  const migrations: ModuleMigrations["migrations"] = {};
  for (const step of steps) {
    migrations[step.name] = {
      // biome-ignore lint/suspicious/noExplicitAny: migrations are untyped
      async up(db: Kysely<any>) {
        await db.schema.createTable(step.table).addColumn("id", "text").execute();
        if (step.broken) await sql`this is not sql`.execute(db);
      },
    };
  }
  return { module, migrations } satisfies ModuleMigrations;
}

/** A module applied before the others in the tests of order. */
const first = moduleOf("first", [
  { name: "0001_a", table: "first_a" },
  { name: "0002_b", table: "first_b" },
]);

/** A table of bigint timestamps. */
const timestamps: ModuleMigrations = {
  module: "stamps",
  migrations: {
    "0001_stamps": {
      // biome-ignore lint/suspicious/noExplicitAny: migrations are untyped
      async up(db: Kysely<any>) {
        await db.schema
          .createTable("stamps")
          .addColumn("id", "text", (c) => c.primaryKey())
          .addColumn("at", "bigint", (c) => c.notNull())
          .addColumn("until", "bigint")
          .execute();
      },
    },
  },
};

test("openDatabase picks the engine of the backend", () => {
  expect(database.engine).toBe(backend.name === "postgres" ? "postgres" : "sqlite");
  if (database.engine === "sqlite")
    expect(existsSync(join(backend.dataDir, SQLITE_FILE))).toBe(true);
});

test("ping answers", async () => {
  await expect(database.ping()).resolves.toBeUndefined();
});

describe("migrate", () => {
  test("keeps a history per module, applied in order", async () => {
    const notes = moduleOf("notes", [
      { name: "0001_a", table: "notes_a" },
      { name: "0002_b", table: "notes_b" },
    ]);
    expect(await migrate(database, [first, notes])).toEqual([
      { module: "first", name: "0001_a" },
      { module: "first", name: "0002_b" },
      { module: "notes", name: "0001_a" },
      { module: "notes", name: "0002_b" },
    ]);
    expect(await recorded("first")).toEqual(["0001_a", "0002_b"]);
    expect(await recorded("notes")).toEqual(["0001_a", "0002_b"]);
    expect(await migrate(database, [first, notes])).toEqual([]);
  });

  test("a failing migration is named and leaves nothing; the one applied before stays", async () => {
    await migrate(database, [moduleOf("notes", [{ name: "0001_a", table: "notes_a" }])]);
    const upgrade = moduleOf("notes", [
      { name: "0001_a", table: "notes_a" },
      { name: "0002_b", table: "notes_b", broken: true },
    ]);
    const failure = migrate(database, [upgrade]);
    await expect(failure).rejects.toBeInstanceOf(MigrationFailed);
    await expect(failure).rejects.toThrow(/^migration notes\/0002_b failed: /);
    expect(await tableExists("notes_b")).toBe(false);
    expect(await tableExists("notes_a")).toBe(true);
    expect(await recorded("notes")).toEqual(["0001_a"]);
  });

  test("when two migrations are pending and the second fails, the first stays applied", async () => {
    const notes = moduleOf("notes", [
      { name: "0001_a", table: "notes_a" },
      { name: "0002_b", table: "notes_b", broken: true },
    ]);
    await expect(migrate(database, [notes])).rejects.toThrow(/^migration notes\/0002_b failed: /);
    expect(await tableExists("notes_b")).toBe(false);
    expect(await tableExists("notes_a")).toBe(true);
    expect(await recorded("notes")).toEqual(["0001_a"]);
  });

  test("a failing module stops the modules after it, not the ones before", async () => {
    const broken = moduleOf("broken", [{ name: "0001_x", table: "broken_x", broken: true }]);
    const later = moduleOf("later", [{ name: "0001_y", table: "later_y" }]);
    await expect(migrate(database, [first, broken, later])).rejects.toThrow(
      /^migration broken\/0001_x failed: /,
    );
    expect(await tableExists("first_a")).toBe(true);
    expect(await tableExists("broken_x")).toBe(false);
    expect(await tableExists("later_y")).toBe(false);
  });
});

test("bigint timestamps come back as JavaScript numbers", async () => {
  await migrate(database, [timestamps]);
  const at = Date.now();
  await database.db.insertInto("stamps").values({ id: "s1", at, until: null }).execute();
  const row = await database.db
    .selectFrom("stamps")
    .select(["at", "until"])
    .executeTakeFirstOrThrow();
  expect(row).toEqual({ at, until: null });
  expect(typeof row.at).toBe("number");
  const { count } = await database.db
    .selectFrom("stamps")
    .select((eb) => eb.fn.countAll().as("count"))
    .executeTakeFirstOrThrow();
  expect(count).toBe(1);
});

describe("opening failures", () => {
  test("an unreachable PostgreSQL is Unavailable, with the password redacted", async () => {
    const failure = openPostgres("postgres://tandem:s3cret-pw@127.0.0.1:1/tandem");
    await expect(failure).rejects.toBeInstanceOf(Unavailable);
    const error = (await failure.catch((e: unknown) => e)) as Unavailable;
    expect(error.message).toMatch(
      /^cannot reach PostgreSQL at postgres:\/\/tandem:\*\*\*@127\.0\.0\.1:1\/tandem: /,
    );
    expect(error.message).not.toContain("s3cret-pw");
    expect(error.message).toContain("ECONNREFUSED");
    expect(error.status).toBe(503);
  });

  test("an unreachable PostgreSQL without a password is named as given", async () => {
    await expect(openPostgres("postgres://postgres@127.0.0.1:1/x")).rejects.toThrow(
      /^cannot reach PostgreSQL at postgres:\/\/postgres@127\.0\.0\.1:1\/x: /,
    );
  });

  test("a SQLite file that cannot be opened is Unavailable", async () => {
    // The data folder itself is a directory, not a database file.
    const failure = openSqlite(backend.dataDir);
    await expect(failure).rejects.toBeInstanceOf(Unavailable);
    await expect(failure).rejects.toThrow(/^cannot open the SQLite database /);
  });

  test("an in-memory SQLite database opens and answers", async () => {
    const memory = await openSqlite(":memory:");
    await expect(memory.ping()).resolves.toBeUndefined();
    await memory.close();
  });
});
