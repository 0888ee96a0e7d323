import { type AuditLog, TandemError } from "@tandem/kernel";

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

  constructor(audit: AuditLog, perDay: number) {
    this.#audit = audit;
    this.#perDay = perDay;
  }

  /** Refuses (429) an account that has sent its day's invitations. */
  async check(userId: string): Promise<void> {
    const now = Date.now();
    const { count, oldest } = await this.#audit.countSince(
      "document_invited",
      userId,
      now - DAY_MS,
    );
    if (count < this.#perDay) return;
    const retryAfter = Math.max(1, Math.ceil(((oldest ?? now) + DAY_MS - now) / 1000));
    throw new TooManyInvitations(this.#perDay, retryAfter);
  }

  record(
    actor: { id: string; email: string },
    documentId: string,
    invitee: { email: string; role: string; hasAccount: boolean },
  ): Promise<void> {
    return this.#audit.record({
      action: "document_invited",
      outcome: "success",
      actor,
      subject: invitee.email,
      details: { documentId, role: invitee.role, hasAccount: invitee.hasAccount },
    });
  }
}
