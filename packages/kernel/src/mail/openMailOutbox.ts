import type { KernelConfig } from "../config/kernelConfig.js";
import type { Logger } from "../log/createLogger.js";
import type { Database } from "../storage/Database.js";
import { redactUrl } from "../util/describe.js";
import { LogMailer } from "./LogMailer.js";
import type { Mailer } from "./Mailer.js";
import { MailOutbox, type OutboxTiming } from "./MailOutbox.js";
import { SmtpMailer } from "./SmtpMailer.js";

/**
 * The outbox on the configured delivery: the SMTP server, or the log when there is none
 * (said once at start, so nobody waits for e-mails that only the log receives).
 */
export function openMailOutbox(deps: {
  kernel: Pick<KernelConfig, "smtpUrl" | "mailFrom">;
  database: Database;
  log: Logger;
  timing?: Partial<OutboxTiming>;
}): MailOutbox {
  const log = deps.log.child({ component: "mail" });
  let mailer: Mailer;
  const { smtpUrl, mailFrom } = deps.kernel;
  if (smtpUrl && mailFrom) {
    mailer = new SmtpMailer({ url: smtpUrl, from: mailFrom });
    log.info({ smtp: redactUrl(smtpUrl) }, "e-mails are sent through SMTP");
  } else {
    mailer = new LogMailer(log);
    log.warn("no SMTP server (TANDEM_SMTP_URL): e-mails are written to the log, not sent");
  }
  return new MailOutbox({ database: deps.database, mailer, log, timing: deps.timing });
}
