import { expect, test } from "vitest";
import { nodeSqliteDatabase } from "./nodeSqliteDatabase.js";

test("statements are prepared once and stay right when the schema changes under them", () => {
  const db = nodeSqliteDatabase(":memory:");
  db.prepare("create table t (a integer)").run([]);
  const insert = db.prepare("insert into t (a) values (?)");
  expect(db.prepare("insert into t (a) values (?)")).toBe(insert);
  insert.run([1]);
  const select = db.prepare("select * from t");
  expect(select.reader).toBe(true);
  expect(select.all([])).toEqual([{ a: 1 }]);
  db.prepare("alter table t add column b text").run([]);
  db.prepare("insert into t (a, b) values (?, ?)").run([2, "x"]);
  // SQLite re-prepares a cached statement whose table changed; the new column shows.
  expect(db.prepare("select * from t").all([])).toEqual([
    { a: 1, b: null },
    { a: 2, b: "x" },
  ]);
  db.close();
});

test("the cache is bounded", () => {
  const db = nodeSqliteDatabase(":memory:");
  const first = db.prepare("select 0");
  for (let i = 1; i <= 600; i++) db.prepare(`select ${i}`);
  expect(db.prepare("select 0")).not.toBe(first);
  expect(db.prepare("select 0").all([])).toEqual([{ 0: 0 }]);
  db.close();
});
