import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DatabaseSync } from "node:sqlite";
import { sql } from "kysely";
import { afterEach, beforeEach, expect, test } from "vitest";
import type { Database } from "./Database.js";
import { openSqlite } from "./openDatabase.js";
import { withDeferredCommits } from "./prepared.js";

let folder: string;
let database: Database;

beforeEach(async () => {
  folder = mkdtempSync(join(tmpdir(), "tandem-prepared-"));
  database = await openSqlite(join(folder, "test.sqlite"));
  await sql`create table t (id text primary key, n integer not null)`.execute(database.db);
});

afterEach(async () => {
  await database.close();
  rmSync(folder, { recursive: true, force: true });
});

const insert = () =>
  database.prepare(database.db.insertInto("t").values({ id: "?", n: 0 }).compile());
const select = () =>
  database.prepare<{ id: string; n: number }>(
    database.db.selectFrom("t").selectAll().where("id", "=", "?").compile(),
  );

test("writes asked for together share a commit, and each is there once it resolves", async () => {
  const add = insert();
  const changes = await Promise.all(Array.from({ length: 20 }, (_, i) => add.run([`k${i}`, i])));
  expect(changes).toEqual(Array(20).fill(1));
  expect(await select().all(["k7"])).toEqual([{ id: "k7", n: 7 }]);
});

test("a failing write fails alone: the others of its batch are kept", async () => {
  const add = insert();
  await add.run(["taken", 1]);
  const results = await Promise.allSettled([
    add.run(["a", 1]),
    add.run(["taken", 2]),
    add.run(["b", 3]),
  ]);
  expect(results.map((r) => r.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
  const { rows } = await sql<{ id: string }>`select id from t order by id`.execute(database.db);
  expect(rows.map((r) => r.id)).toEqual(["a", "b", "taken"]);
});

test("while a Kysely transaction is open, prepared queries wait for it and stay out of it", async () => {
  const add = insert();
  const read = select();
  let inside: Promise<unknown> | undefined;
  await expect(
    database.db.transaction().execute(async (trx) => {
      await trx.insertInto("t").values({ id: "rolled-back", n: 1 }).execute();
      inside = Promise.all([add.run(["outside", 2]), read.all(["rolled-back"])]);
      await new Promise((resolve) => setTimeout(resolve, 20));
      throw new Error("roll back");
    }),
  ).rejects.toThrow("roll back");
  // The read ran after the rollback (it saw nothing), the write outside the transaction stays.
  expect(await inside).toEqual([1, []]);
  expect(await read.all(["outside"])).toEqual([{ id: "outside", n: 2 }]);
});

test("parameters must match the compiled query's", async () => {
  await expect(select().all([])).rejects.toThrow(/takes 1 parameters, not 0/);
});

/** What another connection (another process: the CLI) sees: committed rows only. */
const committedIds = () => {
  const other = new DatabaseSync(join(folder, "test.sqlite"));
  try {
    return other
      .prepare("select id from t order by id")
      .all()
      .map((row) => row.id);
  } finally {
    other.close();
  }
};

test("a write resolves once committed: another connection already sees it", async () => {
  await insert().run(["seen", 1]);
  expect(committedIds()).toEqual(["seen"]);
});

test("under withDeferredCommits writes resolve before their commit, and the work after it", async () => {
  const add = insert();
  const seenInside: unknown[] = [];
  const result = await withDeferredCommits(async () => {
    await add.run(["first", 1]);
    await add.run(["second", 2]);
    // Run, visible on this connection, not yet committed.
    seenInside.push(committedIds(), await select().all(["second"]));
    return "answer";
  });
  expect(result).toBe("answer");
  expect(seenInside).toEqual([[], [{ id: "second", n: 2 }]]);
  expect(committedIds()).toEqual(["first", "second"]);
});

test("under withDeferredCommits a failing write fails alone and the others are committed", async () => {
  const add = insert();
  await add.run(["taken", 1]);
  const outcome = await withDeferredCommits(async () => {
    await add.run(["a", 1]);
    const failed = await add.run(["taken", 2]).catch((error: Error) => error.message);
    await add.run(["b", 2]);
    return failed;
  });
  expect(outcome).toMatch(/UNIQUE constraint failed/);
  expect(committedIds()).toEqual(["a", "b", "taken"]);
});

test("a Kysely statement or transaction after uncommitted writes commits them first", async () => {
  const add = insert();
  await withDeferredCommits(async () => {
    await add.run(["open", 1]);
    expect(committedIds()).toEqual([]);
    await database.db.transaction().execute(async (trx) => {
      await trx.insertInto("t").values({ id: "in-kysely", n: 2 }).execute();
    });
    expect(committedIds()).toEqual(["in-kysely", "open"]);
  });
});
