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
  /** Runs a write; resolves with the number of rows it changed once that is committed. */
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
        if (native.isTransaction) {
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
  // Before the connection closes, the writes still waiting for their commit get it.
  return { prepare, flush: () => commits.flush() };
}

function inputs(parameters: readonly unknown[]): SQLInputValue[] {
  return parameters.map((value) => (value === undefined ? null : value)) as SQLInputValue[];
}

interface Write {
  statement: StatementSync;
  sql: string;
  inputs: SQLInputValue[];
  resolve(changes: number): void;
  reject(error: unknown): void;
}

/**
 * Group commit: the writes asked for during one turn of the event loop are committed together
 * at its end, in one transaction, and each caller is answered once that transaction is
 * committed, so nothing is acknowledged before it is in the database file. A commit costs
 * SQLite more than a row (every page it touched is written to the WAL again): sixteen
 * requests in flight share one instead of paying for sixteen.
 */
class GroupCommit {
  #pending: Write[] = [];
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

  add(statement: StatementSync, sql: string, inputs: SQLInputValue[]): Promise<number> {
    if (this.onFirstWrite) {
      this.onFirstWrite();
      this.onFirstWrite = undefined;
    }
    return new Promise((resolve, reject) => {
      this.#pending.push({ statement, sql, inputs, resolve, reject });
      if (this.#pending.length === 1) setImmediate(() => this.flush());
    });
  }

  flush(): void {
    if (this.#pending.length === 0) return;
    const batch = this.#pending;
    this.#pending = [];
    if (this.native.isTransaction) {
      void this.#afterOpenTransaction(batch);
      return;
    }
    if (batch.length === 1) {
      this.#alone(batch[0] as Write);
      return;
    }
    const changes: number[] = [];
    try {
      this.#begin.run();
      for (const write of batch) changes.push(Number(write.statement.run(...write.inputs).changes));
      this.#commit.run();
    } catch {
      // One write failed (or the commit did): none of the batch is kept, and each is tried on
      // its own, so only the one at fault fails.
      if (this.native.isTransaction) this.#rollback.run();
      for (const write of batch) this.#alone(write);
      return;
    }
    batch.forEach((write, i) => {
      write.resolve(changes[i] as number);
    });
  }

  #alone(write: Write): void {
    try {
      write.resolve(Number(write.statement.run(...write.inputs).changes));
    } catch (error) {
      write.reject(error);
    }
  }

  /** Someone's transaction holds the connection: queue behind it as any Kysely query would. */
  async #afterOpenTransaction(batch: Write[]): Promise<void> {
    for (const write of batch) {
      try {
        const result = await this.db.executeQuery(CompiledQuery.raw(write.sql, write.inputs));
        write.resolve(Number(result.numAffectedRows ?? 0));
      } catch (error) {
        write.reject(error);
      }
    }
  }
}
