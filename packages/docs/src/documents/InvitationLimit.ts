import type { AuditLog } from "@tandem/accounts";
import { type Database, TandemError } from "@tandem/kernel";
import { type Kysely, sql } from "kysely";

const DAY_MS = 86_400_000;

/** Past the day's invitations: when the oldest one counted leaves the window, one more is allowed. */
export class TooManyInvitations extends TandemError {
  /** Whole seconds to wait; the REST mapper sends it as the Retry-After header. */
  readonly retryAfter: number;

  constructor(limit: number, retryAfter: number) {
    super(
      429,
      "too_many_requests",
      `You have sent ${limit} invitations in the last 24 hours, the most allowed. Try again in ${retryAfter} seconds.`,
    );
    this.retryAfter = retryAfter;
  }
}

/**
 * Invitations per account over a sliding day. Each one e-mails an address the sender chose,
 * with a title they chose: without a bound, Tandem would send anyone's mail. They are counted
 * in the audit log, where each is recorded anyway, so that every instance sees the same count.
 */
export class InvitationLimit {
  readonly #audit: AuditLog;
  readonly #perDay: number;
  readonly #engine: Database["engine"];

  constructor(audit: AuditLog, perDay: number, engine: Database["engine"]) {
    this.#audit = audit;
    this.#perDay = perDay;
    this.#engine = engine;
  }

  /**
   * Counts the invitation against the sender's day, in `trx`: the one that grants it and
   * stores its e-mail. Refuses (429) past the limit; the count and the record are one step,
   * so parallel invitations cannot all see the last free place. On PostgreSQL a lock per
   * sender, held until the transaction ends, puts them in a row; SQLite's transactions
   * already run one at a time.
   */
  async take(
    // biome-ignore lint/suspicious/noExplicitAny: a transaction typed with the caller's tables
    trx: Kysely<any>,
    sender: { id: string; email: string },
    documentId: string,
    invitee: { email: string; role: string; hasAccount: boolean },
  ): Promise<void> {
    if (this.#engine === "postgres") {
      await sql`select pg_advisory_xact_lock(hashtext(${`docs-invitations:${sender.id}`}))`.execute(
        trx,
      );
    }
    const now = Date.now();
    const since = now - DAY_MS;
    const { count, oldest } = await this.#audit.countSince(
      "document_invited",
      sender.id,
      since,
      trx,
    );
    if (count >= this.#perDay) {
      const retryAfter = Math.max(1, Math.ceil(((oldest ?? now) + DAY_MS - now) / 1000));
      throw new TooManyInvitations(this.#perDay, retryAfter);
    }
    await this.#audit.record(
      {
        action: "document_invited",
        outcome: "success",
        actor: sender,
        subject: invitee.email,
        details: { documentId, role: invitee.role, hasAccount: invitee.hasAccount },
      },
      trx,
    );
  }
}
