import { Writable } from "node:stream";
import {
  type Database,
  type Mailer,
  type MailMessage,
  MailOutbox,
  type ModuleMigrations,
  mailOutboxMigration,
} from "@tandem/kernel";
import { eventually, openTwoConnections, type TwoConnections } from "@tandem/testkit";
import type { Kysely } from "kysely";
import { pino } from "pino";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from "vitest";

/** The outbox's table, and a module's table its changes go to (the transaction test). */
const mailMigrations: ModuleMigrations = {
  module: "mailtest",
  migrations: {
    "0001_mail_outbox": mailOutboxMigration,
    "0002_changes": {
      // biome-ignore lint/suspicious/noExplicitAny: migrations are untyped
      async up(db: Kysely<any>) {
        await db.schema.createTable("changes").addColumn("key", "text").execute();
      },
    },
  },
};

let shared: TwoConnections;
let database: Database;
let other: Database;
const running: MailOutbox[] = [];

beforeAll(async () => {
  shared = await openTwoConnections([mailMigrations]);
  ({ database, other } = shared);
});
afterAll(() => shared.close());
beforeEach(() => database.db.deleteFrom("mail_outbox").execute());
afterEach(async () => {
  for (const outbox of running.splice(0)) await outbox.stop();
});

/** A mailer double: records what it sends, failing the first `failures` attempts. */
class RecordingMailer implements Mailer {
  readonly sent: MailMessage[] = [];
  constructor(public failures = 0) {}
  async send(message: MailMessage): Promise<void> {
    if (this.failures > 0) {
      this.failures -= 1;
      throw new Error("421 try again later");
    }
    this.sent.push(message);
  }
  async close(): Promise<void> {}
}

/** A logger whose JSON lines the test can read. */
function capturedLog() {
  const lines: Array<Record<string, unknown>> = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(JSON.parse(chunk.toString()));
      done();
    },
  });
  return { log: pino({ level: "info" }, stream), lines };
}

function started(on: Database, mailer: Mailer, options: { maxAttempts?: number } = {}) {
  const outbox = new MailOutbox({
    database: on,
    mailer,
    log: capturedLog().log,
    timing: { pollMs: 20, firstBackoffMs: 10, maxBackoffMs: 40, ...options },
  });
  outbox.start();
  running.push(outbox);
  return outbox;
}

const message = (n: number): MailMessage => ({
  to: `person${n}@example.org`,
  subject: `Message ${n}`,
  text: `Body ${n}`,
  html: `<p>Body ${n}</p>`,
});

const rows = () => database.db.selectFrom("mail_outbox").selectAll().execute();

describe("MailOutbox", () => {
  test("two instances on one database send each message exactly once", async () => {
    const first = new RecordingMailer();
    const second = new RecordingMailer();
    const messages = Array.from({ length: 60 }, (_, n) => message(n));
    // Stored before either sender runs, so both race for the same rows.
    await new MailOutbox({ database, mailer: first, log: capturedLog().log }).enqueue(messages);
    started(database, first);
    started(other, second);
    await eventually(() => expect(first.sent.length + second.sent.length).toBe(60));
    const subjects = [...first.sent, ...second.sent].map((m) => m.subject).sort();
    expect(subjects).toEqual(messages.map((m) => m.subject).sort());
    await eventually(async () => expect(await rows()).toEqual([]));
  });

  test("a failing server is retried with growing waits until the message goes", async () => {
    const mailer = new RecordingMailer(3);
    const outbox = started(database, mailer);
    await outbox.enqueue([message(1)]);
    await eventually(() => expect(mailer.sent).toHaveLength(1));
    expect(mailer.failures).toBe(0);
    await eventually(async () => expect(await rows()).toEqual([]));
  });

  test("a message that keeps failing is given up, with an error in the log", async () => {
    const { log, lines } = capturedLog();
    const outbox = new MailOutbox({
      database,
      mailer: new RecordingMailer(Number.POSITIVE_INFINITY),
      log,
      timing: { pollMs: 20, firstBackoffMs: 5, maxBackoffMs: 10, maxAttempts: 3 },
    });
    outbox.start();
    running.push(outbox);
    await outbox.enqueue([message(7)]);
    const given = await eventually(() => {
      const line = lines.find((l) => l.level === 50);
      if (!line) throw new Error("not given up yet");
      return line;
    });
    expect(given).toMatchObject({ to: "person7@example.org", attempts: 3 });
    expect(lines.filter((l) => l.level === 40)).toHaveLength(2);
    expect(await rows()).toEqual([]);
  });

  test("messages are stored with the change they tell about, or not at all", async () => {
    const outbox = new MailOutbox({
      database,
      mailer: new RecordingMailer(),
      log: capturedLog().log,
    });
    await expect(
      outbox.transaction(async (trx) => {
        await trx.insertInto("changes").values({ key: "rolled-back" }).execute();
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    expect(await rows()).toEqual([]);

    const result = await outbox.transaction(async (trx) => {
      await trx.insertInto("changes").values({ key: "kept" }).execute();
      return { result: "done", mail: [message(2)] };
    });
    expect(result).toBe("done");
    expect((await rows()).map((r) => r.recipient)).toEqual(["person2@example.org"]);
    const changes = await database.db.selectFrom("changes").select("key").execute();
    expect(changes).toEqual([{ key: "kept" }]);
    await database.db.deleteFrom("changes").execute();
  });

  test("stop waits for the message being sent and leaves the others to any sender", async () => {
    let release: () => void = () => {};
    let sends = 0;
    const slow: Mailer = {
      send: () => {
        sends += 1;
        return new Promise<void>((resolve) => {
          release = resolve;
        });
      },
      close: async () => {},
    };
    const outbox = started(database, slow);
    await outbox.enqueue([message(3), message(4)]);
    await eventually(() => expect(sends).toBe(1));
    const stopping = outbox.stop();
    release();
    await stopping;
    expect(sends).toBe(1);
    const left = await rows();
    expect(left).toHaveLength(1);
    expect(left[0]).toMatchObject({ claim: null, attempts: 0 });
  });
});
