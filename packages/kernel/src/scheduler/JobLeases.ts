import type { Kysely } from "kysely";
import type { Database } from "../storage/Database.js";

interface LeaseTables {
  job_leases: { job: string; holder: string; held_until: number };
}

/**
 * SQL for job_leases: which instance runs a cluster-once job, and until when. A lease is
 * taken or renewed by one conditional UPDATE that matches only while it is free, expired or
 * already ours, so of schedulers racing for it exactly one gets it (PostgreSQL re-checks the
 * condition on the row it locked; SQLite has one writer) — as the mail outbox claims messages.
 */
export class JobLeases {
  readonly #db: Kysely<LeaseTables>;

  constructor(database: Database) {
    this.#db = database.db;
  }

  /** Takes or renews `job`'s lease for `holder` until `until`; false when another holds it. */
  async take(job: string, holder: string, now: number, until: number): Promise<boolean> {
    // The row exists from the first attempt on; a free one (held_until 0) is taken below.
    await this.#db
      .insertInto("job_leases")
      .values({ job, holder: "", held_until: 0 })
      .onConflict((oc) => oc.column("job").doNothing())
      .execute();
    const taken = await this.#db
      .updateTable("job_leases")
      .set({ holder, held_until: until })
      .where("job", "=", job)
      .where((eb) => eb.or([eb("held_until", "<=", now), eb("holder", "=", holder)]))
      .returning("job")
      .executeTakeFirst();
    return taken !== undefined;
  }

  /** Lets go of every lease `holder` has, so another instance takes over at its next turn. */
  async release(holder: string): Promise<void> {
    await this.#db
      .updateTable("job_leases")
      .set({ holder: "", held_until: 0 })
      .where("holder", "=", holder)
      .execute();
  }
}
