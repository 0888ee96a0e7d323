import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "kysely";
import { afterEach, beforeEach, expect, test } from "vitest";
import type { Database } from "./Database.js";
import { openSqlite } from "./openDatabase.js";

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
