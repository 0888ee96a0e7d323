import { createTransport } from "nodemailer";
import { type Mailer, type MailMessage, singleLine } from "./Mailer.js";

/** Timeouts well under the outbox's lease, so a hung server fails the attempt instead. */
const CONNECTION_TIMEOUT_MS = 15_000;
const SOCKET_TIMEOUT_MS = 60_000;

/** Delivers through an SMTP server (nodemailer), from `smtp://` or `smtps://` URLs. */
export class SmtpMailer implements Mailer {
  readonly #transport: ReturnType<typeof createTransport>;
  readonly #from: string;

  constructor(options: { url: string; from: string }) {
    this.#from = options.from;
    this.#transport = createTransport({
      url: options.url,
      connectionTimeout: CONNECTION_TIMEOUT_MS,
      greetingTimeout: CONNECTION_TIMEOUT_MS,
      socketTimeout: SOCKET_TIMEOUT_MS,
      // A single connection per message: messages are few, and a pooled one outlives outages badly.
      pool: false,
      logger: false,
    });
  }

  async send(message: MailMessage): Promise<void> {
    await this.#transport.sendMail({
      from: this.#from,
      to: message.to,
      subject: singleLine(message.subject),
      text: message.text,
      html: message.html,
    });
  }

  async close(): Promise<void> {
    this.#transport.close();
  }
}
