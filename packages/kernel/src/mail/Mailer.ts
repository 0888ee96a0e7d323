/**
 * The mail contract: one message to one recipient, already written in their language.
 * Implementations deliver it now or throw (SmtpMailer, LogMailer); durability and retries
 * belong to MailOutbox, which is what modules use.
 */
export interface MailMessage {
  /** One e-mail address. */
  to: string;
  /** One line: line breaks are folded to spaces before it reaches a header. */
  subject: string;
  /** The plain text body, which also carries every link in full. */
  text: string;
  /** The HTML body; whoever composes it escapes what users typed. */
  html: string;
}

export interface Mailer {
  /** Delivers the message to the next hop, or throws why it could not. */
  send(message: MailMessage): Promise<void>;
  /** Releases connections; sending after close is an error. */
  close(): Promise<void>;
}

/**
 * A subject as one header line: CR, LF and the other line separators become spaces, so a
 * title typed by a user can never start a header of its own.
 */
export function singleLine(value: string): string {
  return value
    .replace(/[\r\n\u0085\u2028\u2029\t\v\f]+/g, " ")
    .replace(/\s{2,}/g, " ")
    .trim();
}

/** Text for an HTML body: the five characters that could open markup or an attribute. */
export function escapeHtml(value: string): string {
  return value
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}
