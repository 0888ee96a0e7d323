import type { Database } from "@tandem/kernel";
import { type Kysely, type RawBuilder, sql } from "kysely";
import type { KernelTables, LoginThrottleRow } from "./tables.js";

/** What one counter allows: `limit` failures per window, then blocks that double up to a cap. */
export interface ThrottlePolicy {
  limit: number;
  windowMs: number;
  firstDelayMs: number;
  maxDelayMs: number;
}

export interface ThrottleKey {
  kind: LoginThrottleRow["kind"];
  key: string;
}

/**
 * SQL for the login_throttle table. Each change is one statement that reads and writes the
 * row at once (an upsert, or an update computing from the old values), so instances sharing
 * the database never lose a count: PostgreSQL locks the row, SQLite has a single writer.
 */
export class LoginThrottleStore {
  readonly #db: Kysely<KernelTables>;

  constructor(database: Database) {
    this.#db = database.db;
  }

  /**
   * Counts one failure; with `unlessBlocked`, only if the key is not blocked at `now`, and
   * false when it is. A stale row (past its expiry) starts a new window. The count reaching
   * the limit blocks the key for the first delay; each count after doubles it, up to the cap.
   */
  async count(
    key: ThrottleKey,
    now: number,
    policy: ThrottlePolicy,
    options: { unlessBlocked: boolean },
  ): Promise<boolean> {
    const { limit, windowMs, firstDelayMs, maxDelayMs } = policy;
    const at = sql<number>`cast(${now} as bigint)`;
    const old = (column: keyof LoginThrottleRow) => sql.ref(`login_throttle.${column}`);
    const stale = sql<boolean>`${old("expires_at")} <= ${at}`;
    const failures = sql<number>`(case when ${stale} then 1 else ${old("failures")} + 1 end)`;
    const windowStart = sql<number>`(case when ${stale} then ${at} else ${old("window_start")} end)`;
    const delay = sql<number>`(case
      when ${failures} < ${limit} then 0
      when ${failures} = ${limit} then ${firstDelayMs}
      when ${old("delay_ms")} * 2 < ${firstDelayMs} then ${firstDelayMs}
      when ${old("delay_ms")} * 2 > ${maxDelayMs} then ${maxDelayMs}
      else ${old("delay_ms")} * 2 end)`;
    const blocked = (then: RawBuilder<number>, otherwise: RawBuilder<number | null>) =>
      sql<number>`(case when ${failures} >= ${limit} then ${then} else ${otherwise} end)`;

    const firstDelay = limit <= 1 ? firstDelayMs : 0;
    const row = await this.#db
      .insertInto("login_throttle")
      .values({
        ...key,
        failures: 1,
        window_start: now,
        delay_ms: firstDelay,
        blocked_until: firstDelay > 0 ? now + firstDelay : null,
        expires_at: now + firstDelay + windowMs,
      })
      .onConflict((conflict) =>
        conflict
          .columns(["kind", "key"])
          .doUpdateSet({
            failures,
            window_start: windowStart,
            delay_ms: delay,
            blocked_until: blocked(sql`${at} + ${delay}`, sql`null`),
            expires_at: blocked(
              sql`${at} + ${delay} + ${windowMs}`,
              sql`${windowStart} + ${windowMs}`,
            ),
          })
          .where((eb) =>
            options.unlessBlocked
              ? eb.or([
                  eb("login_throttle.blocked_until", "is", null),
                  eb("login_throttle.blocked_until", "<=", now),
                ])
              : eb.lit(true),
          ),
      )
      .returning("failures")
      .executeTakeFirst();
    return row !== undefined;
  }

  /**
   * Starts the key's block again from `now`, once the failure counted in advance is known:
   * the wait runs from the answer, however long the password check took.
   */
  async restartBlock(key: ThrottleKey, now: number, policy: ThrottlePolicy): Promise<void> {
    const until = sql<number>`cast(${now} as bigint) + login_throttle.delay_ms`;
    await this.#db
      .updateTable("login_throttle")
      .set({ blocked_until: until, expires_at: sql`${until} + ${policy.windowMs}` })
      .where("kind", "=", key.kind)
      .where("key", "=", key.key)
      .where("delay_ms", ">", 0)
      .where((eb) => eb.or([eb("blocked_until", "is", null), eb("blocked_until", "<", until)]))
      .execute();
  }

  /** Takes back a failure counted in advance that was none, undoing the block it may have set. */
  async release(key: ThrottleKey, policy: ThrottlePolicy): Promise<void> {
    const { limit, windowMs } = policy;
    const below = sql<boolean>`login_throttle.failures - 1 < ${limit}`;
    await this.#db
      .updateTable("login_throttle")
      .set({
        failures: sql`login_throttle.failures - 1`,
        delay_ms: sql`case when ${below} then 0 else login_throttle.delay_ms / 2 end`,
        blocked_until: sql`case when ${below} then null else login_throttle.blocked_until end`,
        expires_at: sql`case when ${below} then login_throttle.window_start + ${windowMs} else login_throttle.expires_at end`,
      })
      .where("kind", "=", key.kind)
      .where("key", "=", key.key)
      .where("failures", ">", 0)
      .execute();
  }

  async forget(key: ThrottleKey): Promise<void> {
    await this.#db
      .deleteFrom("login_throttle")
      .where("kind", "=", key.kind)
      .where("key", "=", key.key)
      .execute();
  }

  /** The latest end of a block among these keys, or null when none is blocked at `now`. */
  async blockedUntil(keys: ThrottleKey[], now: number): Promise<number | null> {
    const rows = await this.#db
      .selectFrom("login_throttle")
      .select("blocked_until")
      .where((eb) =>
        eb.or(keys.map((k) => eb.and([eb("kind", "=", k.kind), eb("key", "=", k.key)]))),
      )
      .where("blocked_until", ">", now)
      .execute();
    const ends = rows.map((r) => r.blocked_until ?? 0);
    return ends.length > 0 ? Math.max(...ends) : null;
  }

  async deleteExpired(now: number): Promise<number> {
    const result = await this.#db
      .deleteFrom("login_throttle")
      .where("expires_at", "<=", now)
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  }
}
