import type { AuditAction, AuditLog, Authenticator, UserRow } from "@tandem/accounts";
import type { FastifyRequest } from "fastify";

/**
 * A route's `who` (RestApi): the signed-in administrator (session cookie, or a token with the
 * `admin` scope); 401/403 otherwise.
 */
export function adminOf(auth: Authenticator) {
  return async (request: FastifyRequest): Promise<UserRow> =>
    (await auth.requireAdmin(request)).user;
}

export interface AdminAction<T> {
  action: AuditAction;
  /** What it is done to; a function when only the result names it (a new client's id). */
  subject: string | ((result: T) => string);
  details?: Record<string, unknown>;
}

/**
 * Runs an administrator's action and records its outcome, success or failure, with who
 * did it to what: the admin API's counterpart of the CLI's `withStorage` audit.
 */
export async function audited<T>(
  deps: { audit: AuditLog },
  request: FastifyRequest,
  actor: UserRow,
  what: AdminAction<T>,
  run: () => Promise<T>,
): Promise<T> {
  const base = {
    action: what.action,
    actor: { id: actor.id, email: actor.email },
    ip: request.ip,
  };
  try {
    const result = await run();
    const subject = typeof what.subject === "function" ? what.subject(result) : what.subject;
    await deps.audit.record({
      ...base,
      outcome: "success",
      subject,
      details: { via: "admin", ...what.details },
    });
    return result;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    await deps.audit.record({
      ...base,
      outcome: "failure",
      subject: typeof what.subject === "string" ? what.subject : null,
      details: { via: "admin", ...what.details, reason },
    });
    throw error;
  }
}
