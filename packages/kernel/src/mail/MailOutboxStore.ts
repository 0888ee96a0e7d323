import { randomUUID } from "node:crypto";
import type { ExpressionBuilder, Kysely } from "kysely";
import type { Database } from "../storage/Database.js";
import type { MailMessage } from "./Mailer.js";
import type { MailTables, OutboxRow } from "./tables.js";

/** A message one sender holds until it reports the outcome with the same claim. */
export type ClaimedMail = OutboxRow & { claim: string };

/**
 * SQL for the mail_outbox table. A message is claimed by one conditional UPDATE that only
 * matches it while it is due and unclaimed, so of several instances racing for it exactly
 * one gets it (PostgreSQL re-checks the condition on the row it locked; SQLite has one
 * writer). Outcomes are written only under the same claim, so a sender whose lease ran out
 * cannot undo the work of the one that took the message over.
 */
export class MailOutboxStore {
  readonly #db: Kysely<MailTables>;

  constructor(database: Database) {
    this.#db = database.db;
  }

  /** Stores messages to send; with `executor`, inside the caller's transaction. */
  async add(
    messages: MailMessage[],
    now: number,
    // biome-ignore lint/suspicious/noExplicitAny: a transaction typed with the caller's tables
    executor: Kysely<any> = this.#db,
  ): Promise<void> {
    if (messages.length === 0) return;
    await (executor as Kysely<MailTables>)
      .insertInto("mail_outbox")
      .values(
        messages.map((message) => ({
          id: randomUUID(),
          recipient: message.to,
          subject: message.subject,
          text_body: message.text,
          html_body: message.html,
          created_at: now,
          attempts: 0,
          next_attempt_at: now,
          claim: null,
          claimed_until: null,
          last_error: null,
        })),
      )
      .execute();
  }

  /** Ids of up to `limit` due messages nobody holds, the longest waiting first. */
  async due(now: number, limit: number): Promise<string[]> {
    const rows = await this.#db
      .selectFrom("mail_outbox")
      .select("id")
      .where((eb) => available(eb, now))
      .orderBy("next_attempt_at")
      .orderBy("created_at")
      .limit(limit)
      .execute();
    return rows.map((row) => row.id);
  }

  /**
   * Takes one message for `leaseMs`, counting the attempt now begun; undefined when
   * another sender took it first or it is no longer due.
   */
  async claim(id: string, now: number, leaseMs: number): Promise<ClaimedMail | undefined> {
    const claim = randomUUID();
    const row = await this.#db
      .updateTable("mail_outbox")
      .set((eb) => ({ claim, claimed_until: now + leaseMs, attempts: eb("attempts", "+", 1) }))
      .where("id", "=", id)
      .where((eb) => available(eb, now))
      .returningAll()
      .executeTakeFirst();
    return row ? { ...row, claim } : undefined;
  }

  /** Sent, or given up: the message is gone. */
  async remove(mail: ClaimedMail): Promise<void> {
    await this.#db
      .deleteFrom("mail_outbox")
      .where("id", "=", mail.id)
      .where("claim", "=", mail.claim)
      .execute();
  }

  /** Failed this time: released, not to be tried again before `at`. */
  async retryAt(mail: ClaimedMail, at: number, error: string): Promise<void> {
    await this.#db
      .updateTable("mail_outbox")
      .set({ claim: null, claimed_until: null, next_attempt_at: at, last_error: error })
      .where("id", "=", mail.id)
      .where("claim", "=", mail.claim)
      .execute();
  }
}

/** Due, and held by no live claim. */
function available(eb: ExpressionBuilder<MailTables, "mail_outbox">, now: number) {
  return eb.and([
    eb("next_attempt_at", "<=", now),
    eb.or([eb("claimed_until", "is", null), eb("claimed_until", "<=", now)]),
  ]);
}
