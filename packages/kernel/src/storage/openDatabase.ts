import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { Kysely, PostgresDialect, SqliteAdapter, SqliteDialect, sql } from "kysely";
import type { KernelConfig } from "../config/kernelConfig.js";
import { Unavailable } from "../errors/TandemError.js";
import { reasonOf, redactUrl } from "../util/describe.js";
import type { Database } from "./Database.js";
import { nodeSqliteDatabase } from "./nodeSqliteDatabase.js";
import { type Prepare, postgresPrepare, sqlitePrepare } from "./prepared.js";

export const SQLITE_FILE = "tandem.sqlite";

/** PostgreSQL when a URL is configured, otherwise SQLite in the data folder. */
export async function openDatabase(
  config: Pick<KernelConfig, "databaseUrl" | "dataDir">,
): Promise<Database> {
  return config.databaseUrl
    ? openPostgres(config.databaseUrl)
    : openSqlite(join(config.dataDir, SQLITE_FILE));
}

export async function openPostgres(url: string): Promise<Database> {
  // Loaded here: an instance on SQLite never needs the driver.
  const { default: pg } = await import("pg");
  // int8 (bigint) holds our millisecond timestamps; they fit in a JS number until year 287396.
  pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));
  const pool = new pg.Pool({ connectionString: url, max: 10, connectionTimeoutMillis: 5000 });
  // An idle client losing its connection must not crash the process; the pool replaces it.
  pool.on("error", () => {});
  const db = new Kysely({ dialect: new PostgresDialect({ pool }) });
  const database = wrap("postgres", db, postgresPrepare(pool));
  try {
    await database.ping();
  } catch (error) {
    await db.destroy();
    throw new Unavailable(`cannot reach PostgreSQL at ${redactUrl(url)}: ${reasonOf(error)}`, {
      cause: error,
    });
  }
  return database;
}

export async function openSqlite(path: string): Promise<Database> {
  if (path !== ":memory:") mkdirSync(join(path, ".."), { recursive: true });
  let native: ReturnType<typeof nodeSqliteDatabase>;
  try {
    native = nodeSqliteDatabase(path);
  } catch (error) {
    throw new Unavailable(`cannot open the SQLite database ${path}: ${reasonOf(error)}`, {
      cause: error,
    });
  }
  // Each Kysely statement first commits the prepared writes still open (prepared.ts), so it
  // never runs, nor begins a transaction, inside their group commit.
  let commitOpenWrites = () => {};
  const forKysely = {
    ...native,
    prepare: (query: string) => {
      commitOpenWrites();
      return native.prepare(query);
    },
  };
  const db = new Kysely({ dialect: new TransactionalSqliteDialect({ database: forKysely }) });
  // Hot writes come with checkpoints off the main thread (see checkpointer.ts).
  const { prepare, flush } = sqlitePrepare(native.native, db, () =>
    native.checkpointInBackground(),
  );
  commitOpenWrites = flush;
  return wrap("sqlite", db, prepare, flush, () => native.closed());
}

function wrap(
  engine: Database["engine"],
  // biome-ignore lint/suspicious/noExplicitAny: the contract's untyped handle
  db: Kysely<any>,
  prepare: Prepare,
  beforeClose: () => void = () => {},
  afterClose: () => Promise<void> = async () => {},
): Database {
  return {
    engine,
    db,
    prepare,
    ping: async () => {
      await sql`select 1`.execute(db);
    },
    close: async () => {
      beforeClose();
      await db.destroy();
      await afterClose();
    },
  };
}

/** SQLite does roll back DDL; telling Kysely so makes every migration all-or-nothing, as on PostgreSQL. */
class TransactionalSqliteAdapter extends SqliteAdapter {
  override get supportsTransactionalDdl(): boolean {
    return true;
  }
}

class TransactionalSqliteDialect extends SqliteDialect {
  override createAdapter() {
    return new TransactionalSqliteAdapter();
  }
}
