import { AsyncLocalStorage } from "node:async_hooks";
import { createHash } from "node:crypto";
import type { DatabaseSync, SQLInputValue, StatementSync } from "node:sqlite";
import { CompiledQuery, type Kysely } from "kysely";
import type pg from "pg";

/**
 * A query built and compiled by Kysely once, then run by the driver itself with new parameters:
 * for the few statements a hot path runs thousands of times a second (the OpenID provider's
 * storage), where building the query again and Kysely's connection hand-off cost more than
 * SQLite takes to run it. Not for use inside a transaction: it runs on its own.
 */
export interface PreparedQuery<Row> {
  /** Runs it with `parameters`, in the order of the compiled query's; resolves with the rows. */
  all(parameters: readonly unknown[]): Promise<Row[]>;
  /**
   * Runs a write; resolves with the number of rows it changed once that is committed (on SQLite
   * under withDeferredCommits: once it has run, the caller's answer waiting for the commit).
   */
  run(parameters: readonly unknown[]): Promise<number>;
}

export type Prepare = <Row>(query: CompiledQuery<Row>) => PreparedQuery<Row>;

function checkArity(query: CompiledQuery<unknown>, parameters: readonly unknown[]): void {
  if (parameters.length !== query.parameters.length) {
    throw new TypeError(
      `${query.sql} takes ${query.parameters.length} parameters, not ${parameters.length}`,
    );
  }
}

/**
 * PostgreSQL: a named prepared statement, parsed and planned once per pooled connection.
 * The name is derived from the text, so every instance agrees on it.
 */
export function postgresPrepare(pool: pg.Pool): Prepare {
  return <Row>(query: CompiledQuery<Row>): PreparedQuery<Row> => {
    const name = `tdm_${createHash("sha256").update(query.sql).digest("hex").slice(0, 24)}`;
    const send = (parameters: readonly unknown[]) => {
      checkArity(query, parameters);
      return pool.query({ name, text: query.sql, values: [...parameters] });
    };
    return {
      all: async (parameters) => (await send(parameters)).rows as Row[],
      run: async (parameters) => (await send(parameters)).rowCount ?? 0,
    };
  };
}

/**
 * SQLite (node:sqlite, one connection, synchronous): statements run on the connection directly,
 * unless a Kysely transaction is open on it, when they queue behind it through Kysely so they
 * neither see nor join its uncommitted work. Writes share commits (see GroupCommit).
 */
export function sqlitePrepare(
  native: DatabaseSync,
  // biome-ignore lint/suspicious/noExplicitAny: the contract's untyped handle
  db: Kysely<any>,
  onFirstWrite: () => void = () => {},
): { prepare: Prepare; flush(): void } {
  const commits = new GroupCommit(native, db, onFirstWrite);
  const prepare = <Row>(query: CompiledQuery<Row>): PreparedQuery<Row> => {
    let statement: StatementSync | undefined;
    const prepared = () => {
      statement ??= native.prepare(query.sql);
      return statement;
    };
    return {
      async all(parameters) {
        checkArity(query, parameters);
        if (commits.behindKysely()) {
          const result = await db.executeQuery(CompiledQuery.raw(query.sql, [...parameters]));
          return result.rows as Row[];
        }
        return prepared().all(...inputs(parameters)) as Row[];
      },
      async run(parameters) {
        checkArity(query, parameters);
        return commits.add(prepared(), query.sql, inputs(parameters));
      },
    };
  };
  // Kysely's statements (and transactions) start after the writes before them are committed;
  // before the connection closes, the writes still open get their commit.
  return { prepare, flush: () => commits.flush() };
}

function inputs(parameters: readonly unknown[]): SQLInputValue[] {
  return parameters.map((value) => (value === undefined ? null : value)) as SQLInputValue[];
}

/** The commits a request's early-answered writes joined; see withDeferredCommits. */
const deferring = new AsyncLocalStorage<Set<Promise<void>>>();

/**
 * Runs `work` (one HTTP request's handling, whose answer is sent once it resolves) so that its
 * prepared writes on SQLite resolve as soon as they have run, uncommitted, and the promise
 * returned here resolves once they are all committed. Nothing `work` produces may leave the
 * process before then: the answer waits, not each write, so a request's writes and those of
 * the requests beside it share one commit instead of waiting for one each. If a commit fails,
 * this rejects with CommitFailed and the answer must become an error. No effect on PostgreSQL,
 * where each write is committed before it resolves.
 */
export async function withDeferredCommits<T>(work: () => Promise<T>): Promise<T> {
  const joined = new Set<Promise<void>>();
  let result: T;
  try {
    result = await deferring.run(joined, work);
  } catch (error) {
    await Promise.allSettled(joined);
    throw error;
  }
  try {
    for (const commit of joined) await commit;
  } catch (error) {
    throw new CommitFailed(error);
  }
  return result;
}

/** What withDeferredCommits throws when the work succeeded but its writes were not committed. */
export class CommitFailed extends Error {
  constructor(cause: unknown) {
    super("the writes behind this answer were not committed", { cause });
    this.name = "CommitFailed";
  }
}

/**
 * Group commit: the first write after a commit opens a transaction, every write runs in it at
 * once, and it is committed at the end of that turn of the event loop. A writer hears back once
 * the transaction is committed, so nothing is acknowledged before it is in the database file,
 * unless it runs under withDeferredCommits, which holds its answer instead. A commit costs
 * SQLite more than a row (every page it touched is written to the WAL again, one system call
 * each): the writes of many requests share one instead of paying for one each.
 */
class GroupCommit {
  /** The transaction this class opened, settled when it commits; undefined when none is open. */
  #open: PromiseWithResolvers<void> | undefined;
  readonly #begin: StatementSync;
  readonly #commit: StatementSync;
  readonly #rollback: StatementSync;

  constructor(
    private readonly native: DatabaseSync,
    // biome-ignore lint/suspicious/noExplicitAny: the contract's untyped handle
    private readonly db: Kysely<any>,
    private onFirstWrite: (() => void) | undefined,
  ) {
    this.#begin = native.prepare("begin");
    this.#commit = native.prepare("commit");
    this.#rollback = native.prepare("rollback");
  }

  /** A transaction of Kysely's is open on the connection: queue behind it. */
  behindKysely(): boolean {
    return this.native.isTransaction && !this.#open;
  }

  add(statement: StatementSync, sql: string, values: SQLInputValue[]): Promise<number> {
    if (this.onFirstWrite) {
      this.onFirstWrite();
      this.onFirstWrite = undefined;
    }
    if (this.behindKysely()) return this.#afterOpenTransaction(sql, values);
    const open = this.#open ?? this.#start();
    let changes: number;
    try {
      changes = Number(statement.run(...values).changes);
    } catch (error) {
      // SQLite undoes the failed statement alone; if the failure took the whole transaction
      // with it (a full disk, say), the writes before it in the transaction are lost too.
      if (!this.native.isTransaction) this.#end(error);
      return Promise.reject(error);
    }
    const joined = deferring.getStore();
    if (!joined) return open.promise.then(() => changes);
    joined.add(open.promise);
    return Promise.resolve(changes);
  }

  /** Commits the open transaction now (the end of the turn, Kysely's next statement, close). */
  flush(): void {
    if (!this.#open) return;
    try {
      this.#commit.run();
      this.#end();
    } catch (error) {
      if (this.native.isTransaction) this.#rollback.run();
      this.#end(error);
    }
  }

  #start(): PromiseWithResolvers<void> {
    this.#begin.run();
    const open = Promise.withResolvers<void>();
    // Awaited by every writer in it; this only keeps a failure nobody awaits yet from being
    // reported as unhandled.
    open.promise.catch(() => {});
    this.#open = open;
    setImmediate(() => this.flush());
    return open;
  }

  #end(error?: unknown): void {
    const open = this.#open;
    this.#open = undefined;
    if (error === undefined) open?.resolve();
    else open?.reject(error);
  }

  /** Someone's transaction holds the connection: queue behind it as any Kysely query would. */
  async #afterOpenTransaction(sql: string, values: SQLInputValue[]): Promise<number> {
    const result = await this.db.executeQuery(CompiledQuery.raw(sql, values));
    return Number(result.numAffectedRows ?? 0);
  }
}
