import type { Transporter } from "nodemailer";
import { type Mailer, type MailMessage, singleLine } from "./Mailer.js";

/** Timeouts well under the outbox's lease, so a hung server fails the attempt instead. */
const CONNECTION_TIMEOUT_MS = 15_000;
const SOCKET_TIMEOUT_MS = 60_000;

/**
 * Delivers through an SMTP server (nodemailer), from `smtp://` or `smtps://` URLs. nodemailer
 * is loaded at the first message, not at start: most minutes of a server send none.
 */
export class SmtpMailer implements Mailer {
  readonly #url: string;
  readonly #from: string;
  #transport: Promise<Transporter> | undefined;

  constructor(options: { url: string; from: string }) {
    this.#url = options.url;
    this.#from = options.from;
  }

  #transporter(): Promise<Transporter> {
    this.#transport ??= import("nodemailer").then(({ createTransport }) =>
      createTransport({
        url: this.#url,
        connectionTimeout: CONNECTION_TIMEOUT_MS,
        greetingTimeout: CONNECTION_TIMEOUT_MS,
        socketTimeout: SOCKET_TIMEOUT_MS,
        // A single connection per message: messages are few, and a pooled one outlives outages badly.
        pool: false,
        logger: false,
      }),
    );
    return this.#transport;
  }

  async send(message: MailMessage): Promise<void> {
    await (await this.#transporter()).sendMail({
      from: this.#from,
      to: message.to,
      subject: singleLine(message.subject),
      text: message.text,
      html: message.html,
    });
  }

  async close(): Promise<void> {
    (await this.#transport?.catch(() => undefined))?.close();
  }
}
