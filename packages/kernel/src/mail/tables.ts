/** The outbox's table, as Kysely sees it. Timestamps are milliseconds since the epoch. */
export interface MailTables {
  mail_outbox: {
    id: string;
    recipient: string;
    subject: string;
    text_body: string;
    html_body: string;
    created_at: number;
    /** Attempts started so far, the one in progress included. */
    attempts: number;
    /** Not tried again before this moment (the backoff after a failure). */
    next_attempt_at: number;
    /** The sender holding the message: a random token per claim, null when none does. */
    claim: string | null;
    /** Until when the claim holds; past it, a sender that died is presumed gone. */
    claimed_until: number | null;
    last_error: string | null;
  };
}

export type OutboxRow = MailTables["mail_outbox"];
