import type { Logger } from "../log/createLogger.js";
import { type Mailer, type MailMessage, singleLine } from "./Mailer.js";

/**
 * Development delivery, when no SMTP server is configured: each message is written to the
 * log (the plain text body carries the links), so an invitation can be followed on a laptop.
 */
export class LogMailer implements Mailer {
  readonly #log: Logger;

  constructor(log: Logger) {
    this.#log = log;
  }

  async send(message: MailMessage): Promise<void> {
    this.#log.info(
      { mail: { to: message.to, subject: singleLine(message.subject), text: message.text } },
      "e-mail (no SMTP server configured, so written here)",
    );
  }

  async close(): Promise<void> {}
}
