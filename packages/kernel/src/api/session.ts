import type { FastifyInstance } from "fastify";
import { z } from "zod";
import type { AccessService } from "../accounts/AccessService.js";
import { type AccountService, normaliseEmail, presentUser } from "../accounts/AccountService.js";
import { LoginThrottle, TooManyAttempts } from "../accounts/LoginThrottle.js";
import type { AuditLog } from "../audit/AuditLog.js";
import { TandemError } from "../errors/TandemError.js";
import type { Authenticator } from "../http/Authenticator.js";
import { parseInput } from "../http/parseInput.js";
import type { Database } from "../storage/Database.js";

const SignIn = z.object({
  /** The account's e-mail address. */
  email: z.string().min(1).max(320),
  /** The account's password; length rules apply when it is set, not here. */
  password: z.string().min(1).max(1024),
});

export function registerSessionRoutes(
  app: FastifyInstance,
  deps: {
    accounts: AccountService;
    access: AccessService;
    auth: Authenticator;
    database: Database;
    /** Defaults to one on `database`; pass one to share it, e.g. with the job that purges it. */
    throttle?: LoginThrottle;
    audit: AuditLog;
  },
) {
  const throttle = deps.throttle ?? new LoginThrottle(deps.database);

  /**
   * POST /api/v1/session — sign in with e-mail and password; sets the session cookie.
   * Repeated failures for an account or from a network are answered 429 with Retry-After.
   */
  app.post("/api/v1/session", async (request, reply) => {
    deps.auth.assertSameOrigin(request);
    const input = parseInput(SignIn, request.body);
    // request.ip is the client's address as far as the configured trustProxy lets Fastify know it.
    const user = await throttle
      .guard({ email: input.email, ip: request.ip }, () =>
        deps.accounts.checkPassword(input.email, input.password),
      )
      .catch(async (error: unknown) => {
        if (error instanceof TooManyAttempts) {
          request.log.warn({ retryAfter: error.retryAfter }, "sign-in throttled");
        }
        if (error instanceof TandemError) {
          await deps.audit.record({
            action: "sign_in",
            outcome: "failure",
            subject: normaliseEmail(input.email),
            ip: request.ip,
            details: { reason: error.code },
          });
        }
        throw error;
      });
    const previous = deps.auth.sessionSecret(request);
    if (previous) await deps.access.endSession(previous);
    const session = await deps.access.createSession(user);
    deps.auth.setSessionCookie(reply, session.secret, session.expiresAt);
    request.log.info({ userId: user.id }, "signed in");
    await deps.audit.record({
      action: "sign_in",
      outcome: "success",
      actor: { id: user.id, email: user.email },
      subject: user.email,
      ip: request.ip,
      details: { method: "password" },
    });
    return { user: presentUser(user) };
  });

  /**
   * DELETE /api/v1/session — sign out: the session ends on the server, not only in the
   * browser. 204, or 200 `{ next }` with a URL the browser must visit to finish (an
   * upstream provider's sign-out).
   */
  app.delete("/api/v1/session", async (request, reply) => {
    deps.auth.assertSameOrigin(request);
    const principal = await deps.auth.principal(request);
    const secret = deps.auth.sessionSecret(request);
    if (secret) await deps.access.endSession(secret);
    if (principal?.via === "session") {
      const { id, email } = principal.user;
      await deps.audit.record({
        action: "sign_out",
        outcome: "success",
        actor: { id, email },
        subject: email,
        ip: request.ip,
      });
    }
    const next = await deps.auth.runSignOutHooks(request, reply);
    deps.auth.clearSessionCookie(reply);
    // Signed in through an upstream provider: the browser signs out there too.
    if (next) return { next };
    return reply.status(204).send();
  });
}
