import type { AddressInfo } from "node:net";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

/** A message as the double received it: envelope, parsed parts and the raw source. */
export interface ReceivedMail {
  /** Envelope recipients (RCPT TO), lower-cased. */
  to: string[];
  /** Envelope sender (MAIL FROM). */
  from: string;
  subject: string;
  text: string;
  /** The HTML part as sent, or "" when there is none. */
  html: string;
  /** The whole message as it came over the wire, headers first. */
  raw: string;
}

/**
 * A test double of an SMTP server (the relay a deployment sends through), on smtp-server
 * with mailparser. It listens on a free port, keeps what it receives, and can be stopped
 * and started again on the same port to play an outage. Given `auth`, it accepts only
 * those credentials.
 */
export class SmtpInboxDouble {
  readonly messages: ReceivedMail[] = [];
  #server: SMTPServer | undefined;
  #port = 0;

  private constructor(private readonly auth?: { user: string; pass: string }) {}

  static async start(options: { auth?: { user: string; pass: string } } = {}) {
    const double = new SmtpInboxDouble(options.auth);
    await double.restart();
    return double;
  }

  get port(): number {
    return this.#port;
  }

  /** The value for TANDEM_SMTP_URL, credentials included when the double requires them. */
  get url(): string {
    const credentials = this.auth
      ? `${encodeURIComponent(this.auth.user)}:${encodeURIComponent(this.auth.pass)}@`
      : "";
    return `smtp://${credentials}127.0.0.1:${this.#port}`;
  }

  /** Messages whose envelope names this recipient. */
  to(address: string): ReceivedMail[] {
    return this.messages.filter((m) => m.to.includes(address.toLowerCase()));
  }

  /** Listens again (on the port it had, once it had one): the end of an outage. */
  async restart(): Promise<void> {
    if (this.#server) return;
    const server = new SMTPServer({
      // Plain text on loopback: no certificate to trust, and nodemailer must not try STARTTLS.
      disabledCommands: this.auth ? ["STARTTLS"] : ["STARTTLS", "AUTH"],
      allowInsecureAuth: true,
      authOptional: !this.auth,
      disableReverseLookup: true,
      logger: false,
      closeTimeout: 100,
      onAuth: (auth, _session, callback) => {
        const ok = auth.username === this.auth?.user && auth.password === this.auth?.pass;
        callback(ok ? null : new Error("Invalid credentials"), ok ? { user: auth.username } : {});
      },
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on("data", (chunk: Buffer) => chunks.push(chunk));
        stream.on("end", () => {
          const raw = Buffer.concat(chunks);
          simpleParser(raw).then(
            (parsed) => {
              const mailFrom = session.envelope.mailFrom;
              this.messages.push({
                to: session.envelope.rcptTo.map((r) => r.address.toLowerCase()),
                from: mailFrom ? mailFrom.address : "",
                subject: parsed.subject ?? "",
                text: parsed.text ?? "",
                html: parsed.html || "",
                raw: raw.toString("utf8"),
              });
              callback();
            },
            (error: Error) => callback(error),
          );
        });
      },
    });
    await new Promise<void>((resolve, reject) => {
      server.server.once("error", reject);
      server.listen(this.#port, "127.0.0.1", () => resolve());
    });
    this.#port = (server.server.address() as AddressInfo).port;
    this.#server = server;
  }

  /** Stops listening and drops open connections: sending now fails, as in an outage. */
  async stop(): Promise<void> {
    const server = this.#server;
    if (!server) return;
    this.#server = undefined;
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
