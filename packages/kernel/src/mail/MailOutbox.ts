import type { Kysely } from "kysely";
import type { Logger } from "../log/createLogger.js";
import type { Database } from "../storage/Database.js";
import { reasonOf } from "../util/describe.js";
import type { Mailer, MailMessage } from "./Mailer.js";
import { type ClaimedMail, MailOutboxStore } from "./MailOutboxStore.js";

export interface OutboxTiming {
  /** How often due messages are looked for (another instance's, retries). */
  pollMs: number;
  /** The wait after a first failure; each further one doubles it, up to maxBackoffMs. */
  firstBackoffMs: number;
  maxBackoffMs: number;
  /** Attempts before a message is given up (with an error in the log). */
  maxAttempts: number;
  /** How long a claim holds: longer than any send may take (SmtpMailer's timeouts). */
  leaseMs: number;
}

/** About nine hours of retries: 2 s doubling to an hour, twenty attempts in all. */
export const DEFAULT_TIMING: OutboxTiming = {
  pollMs: 2_000,
  firstBackoffMs: 2_000,
  maxBackoffMs: 3_600_000,
  maxAttempts: 20,
  leaseMs: 5 * 60_000,
};

const BATCH = 20;

/**
 * Durable mail: a message is stored in the database in the same transaction as what it
 * tells about, then a background sender delivers it, retrying with growing waits. A crash
 * or an SMTP outage therefore loses nothing, and a request never waits for SMTP. Instances
 * sharing a database each run a sender; claims keep them from sending a message twice.
 */
export class MailOutbox {
  readonly #database: Database;
  readonly #store: MailOutboxStore;
  readonly #mailer: Mailer;
  readonly #log: Logger;
  readonly #timing: OutboxTiming;
  #timer: NodeJS.Timeout | undefined;
  #running: Promise<void> | undefined;
  #again = false;
  #stopped = false;

  constructor(deps: {
    database: Database;
    mailer: Mailer;
    log: Logger;
    timing?: Partial<OutboxTiming>;
  }) {
    this.#database = deps.database;
    this.#store = new MailOutboxStore(deps.database);
    this.#mailer = deps.mailer;
    this.#log = deps.log;
    this.#timing = { ...DEFAULT_TIMING, ...deps.timing };
  }

  /**
   * Runs `work` in a transaction and stores the messages it returns in that same one:
   * the change and its e-mails are recorded together or not at all. Sending starts after
   * the commit.
   */
  async transaction<T>(
    // biome-ignore lint/suspicious/noExplicitAny: each module types the transaction with its tables
    work: (trx: Kysely<any>) => Promise<{ result: T; mail: MailMessage[] }>,
  ): Promise<T> {
    const { result, mail } = await this.#database.db.transaction().execute(async (trx) => {
      const done = await work(trx);
      await this.#store.add(done.mail, Date.now(), trx);
      return done;
    });
    if (mail.length > 0) this.wake();
    return result;
  }

  /** Stores messages on their own, then sends them. */
  async enqueue(messages: MailMessage[]): Promise<void> {
    await this.#store.add(messages, Date.now());
    this.wake();
  }

  start(): void {
    this.#stopped = false;
    // Its own timer, not a Scheduler job: the sender runs from before the modules register
    // until after they close (they enqueue while closing), and enqueue wakes it between polls.
    this.#timer = setInterval(() => this.wake(), this.#timing.pollMs);
    // The interval must not keep a finished process (a CLI command, a test) alive.
    this.#timer.unref();
    this.wake();
  }

  /** Looks for due messages now; a look already under way looks once more after it. */
  wake(): void {
    if (this.#stopped || !this.#timer) return;
    if (this.#running) {
      this.#again = true;
      return;
    }
    this.#running = this.#drain()
      .catch((error: unknown) => this.#log.warn({ err: error }, "mail outbox: sender failed"))
      .finally(() => {
        this.#running = undefined;
      });
  }

  /** Stops looking, waits for the message being sent, then closes the mailer. */
  async stop(): Promise<void> {
    this.#stopped = true;
    clearInterval(this.#timer);
    this.#timer = undefined;
    await this.#running;
    await this.#mailer.close();
  }

  async #drain(): Promise<void> {
    do {
      this.#again = false;
      const batch = await this.#store.due(Date.now(), BATCH);
      for (const id of batch) {
        if (this.#stopped) break;
        // Claimed one by one, just before sending: a sender stopping holds nothing it won't send.
        const mail = await this.#store.claim(id, Date.now(), this.#timing.leaseMs);
        if (mail) await this.#deliver(mail);
      }
      if (batch.length === BATCH) this.#again = true;
    } while (this.#again && !this.#stopped);
  }

  async #deliver(mail: ClaimedMail): Promise<void> {
    try {
      await this.#mailer.send({
        to: mail.recipient,
        subject: mail.subject,
        text: mail.text_body,
        html: mail.html_body,
      });
    } catch (error) {
      await this.#failed(mail, reasonOf(error));
      return;
    }
    await this.#store.remove(mail);
  }

  async #failed(mail: ClaimedMail, reason: string): Promise<void> {
    const about = { mailId: mail.id, to: mail.recipient, attempts: mail.attempts, reason };
    if (mail.attempts >= this.#timing.maxAttempts) {
      this.#log.error(about, "mail outbox: message given up after repeated failures");
      await this.#store.remove(mail);
      return;
    }
    const { firstBackoffMs, maxBackoffMs } = this.#timing;
    const wait = Math.min(firstBackoffMs * 2 ** (mail.attempts - 1), maxBackoffMs);
    this.#log.warn({ ...about, retryInMs: wait }, "mail outbox: sending failed, will retry");
    await this.#store.retryAt(mail, Date.now() + wait, reason);
  }
}
