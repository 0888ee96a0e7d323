import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";

/**
 * Which storage engine an integration suite runs on. Vitest runs the same suites once per
 * backend: `sqlite` (SQLite + in-process pub/sub) always, `postgres` (PostgreSQL + Redis)
 * when TANDEM_TEST_DATABASE_URL and TANDEM_TEST_REDIS_URL are set.
 */
export type BackendName = "sqlite" | "postgres";

export function currentBackend(): BackendName {
  const name = process.env.TANDEM_TEST_BACKEND ?? "sqlite";
  if (name !== "sqlite" && name !== "postgres") throw new Error(`unknown test backend ${name}`);
  return name;
}

/** A private place to store data for one suite: its environment for Tandem, and its removal. */
export interface TestBackend {
  name: BackendName;
  /** Environment variables that point a Tandem instance at this backend. */
  env: Record<string, string>;
  dataDir: string;
  databaseUrl?: string;
  redisUrl?: string;
  redisPrefix: string;
  dispose(): Promise<void>;
}

/**
 * A fresh, empty backend: a temporary data folder and, on PostgreSQL, a database of its
 * own and a Redis channel prefix of its own, so suites can run side by side.
 */
export async function createTestBackend(
  name: BackendName = currentBackend(),
): Promise<TestBackend> {
  const dataDir = await mkdtemp(join(tmpdir(), "tandem-test-"));
  const suffix = randomBytes(6).toString("hex");
  const redisPrefix = `tandem-test-${suffix}:`;
  if (name === "sqlite") {
    return {
      name,
      env: { TANDEM_DATA_DIR: dataDir },
      dataDir,
      redisPrefix,
      dispose: () => rm(dataDir, { recursive: true, force: true }),
    };
  }
  const adminUrl = required("TANDEM_TEST_DATABASE_URL");
  const redisUrl = required("TANDEM_TEST_REDIS_URL");
  const database = `tandem_test_${suffix}`;
  await adminQuery(adminUrl, `CREATE DATABASE "${database}"`);
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  const databaseUrl = url.toString();
  return {
    name,
    env: {
      TANDEM_DATA_DIR: dataDir,
      TANDEM_DATABASE_URL: databaseUrl,
      TANDEM_REDIS_URL: redisUrl,
      TANDEM_REDIS_PREFIX: redisPrefix,
    },
    dataDir,
    databaseUrl,
    redisUrl,
    redisPrefix,
    dispose: async () => {
      await adminQuery(adminUrl, `DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} must be set to run the postgres test backend`);
  return value;
}

async function adminQuery(url: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}
