// The storage a benchmarked Tandem runs on, shared by the benchmarks: each `fresh()` gives a new
// data folder (and, on PostgreSQL, a new database, dropped by `dispose()`).
import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** SQLite in the data folder and in-process pub/sub: the default install. */
export function sqliteBackend() {
  return {
    label: "SQLite + in-process pub/sub",
    fresh: async () => {
      const base = await mkdtemp(join(tmpdir(), "tandem-bench-"));
      return {
        env: { TANDEM_DATA_DIR: join(base, "data") },
        base,
        databaseProcesses: async () => [],
        dispose: () => rm(base, { recursive: true, force: true }),
      };
    },
    close: async () => {},
  };
}

/** PostgreSQL + Redis from TANDEM_TEST_DATABASE_URL and TANDEM_TEST_REDIS_URL (default 127.0.0.1). */
export async function postgresBackend() {
  const { default: pg } = await import("pg");
  const adminUrl =
    process.env.TANDEM_TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
  const redisUrl = process.env.TANDEM_TEST_REDIS_URL ?? "redis://127.0.0.1:6379";
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  return {
    label: "PostgreSQL + Redis",
    fresh: async () => {
      const suffix = randomBytes(6).toString("hex");
      const database = `tandem_bench_${suffix}`;
      await admin.query(`CREATE DATABASE "${database}"`);
      const url = new URL(adminUrl);
      url.pathname = `/${database}`;
      const base = await mkdtemp(join(tmpdir(), "tandem-bench-"));
      return {
        env: {
          TANDEM_DATA_DIR: join(base, "data"),
          TANDEM_DATABASE_URL: url.toString(),
          TANDEM_REDIS_URL: redisUrl,
          TANDEM_REDIS_PREFIX: `tandem-bench-${suffix}:`,
        },
        base,
        /** The PostgreSQL backends serving Tandem: their CPU is part of each request's cost. */
        databaseProcesses: async () => {
          const { rows } = await admin.query(
            "select pid from pg_stat_activity where datname = $1",
            [database],
          );
          return rows.map((row) => row.pid);
        },
        dispose: async () => {
          await admin.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
          await rm(base, { recursive: true, force: true });
        },
      };
    },
    close: () => admin.end(),
  };
}
