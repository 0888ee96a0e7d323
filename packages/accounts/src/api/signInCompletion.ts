import type { FastifyReply, FastifyRequest } from "fastify";
import type { AccessService } from "../accounts/AccessService.js";
import { presentUser } from "../accounts/AccountService.js";
import type { UserRow } from "../accounts/tables.js";
import type { AuditLog } from "../audit/AuditLog.js";
import type { Authenticator } from "../http/Authenticator.js";
import type { MfaService } from "../mfa/MfaService.js";
import type { SecondFactorMethod } from "../mfa/tables.js";

export interface SignInDeps {
  access: AccessService;
  auth: Authenticator;
  audit: AuditLog;
  mfa: MfaService;
}

/**
 * The last step of every way of signing in (password, second step, passkey, enrolment): ends
 * the browser's previous session, starts a new one (a new id at every sign-in), records how
 * the second step was passed, so apps learn it as amr/acr, and audits the success.
 */
export async function completeSignIn(
  deps: SignInDeps,
  request: FastifyRequest,
  reply: FastifyReply,
  user: UserRow,
  method: "password" | SecondFactorMethod,
) {
  const previous = deps.auth.sessionSecret(request);
  if (previous) await deps.access.endSession(previous);
  const session = await deps.access.createSession(user);
  if (method !== "password") await deps.mfa.recordSession(session.id, user.id, method);
  deps.auth.setSessionCookie(reply, session.secret, session.expiresAt);
  request.log.info({ userId: user.id }, "signed in");
  await deps.audit.record({
    action: "sign_in",
    outcome: "success",
    actor: { id: user.id, email: user.email },
    subject: user.email,
    ip: request.ip,
    details: { method },
  });
  return { user: presentUser(user) };
}
