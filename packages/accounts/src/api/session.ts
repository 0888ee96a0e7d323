import { type Database, type RestApi, TandemError } from "@tandem/kernel";
import type { FastifyRequest } from "fastify";
import { z } from "zod";
import type { AccessService } from "../accounts/AccessService.js";
import { type AccountService, normaliseEmail } from "../accounts/AccountService.js";
import { LoginThrottle, TooManyAttempts } from "../accounts/LoginThrottle.js";
import type { AuditLog } from "../audit/AuditLog.js";
import type { Authenticator } from "../http/Authenticator.js";
import { DeviceCookie } from "../http/deviceCookie.js";
import { codeThrottleKey, InvalidChallenge, MfaService } from "../mfa/MfaService.js";
import { noSecondFactorPolicy, type SecondFactorPolicy } from "../mfa/SecondFactorPolicy.js";
import { bindSecondFactors } from "../mfa/secondFactorSessions.js";
import { looksLikeTotp } from "../mfa/totp.js";
import { PasswordStep, SignedIn, SignOutNext } from "../wire/index.js";
import { completeSignIn } from "./signInCompletion.js";

const SignIn = z.object({
  /** The account's e-mail address. */
  email: z.string().min(1).max(320),
  /** The account's password; length rules apply when it is set, not here. */
  password: z.string().min(1).max(1024),
});

const SecondStep = z.object({
  /** The token the password step answered with `mfaRequired`. */
  challenge: z.string().min(1).max(200),
  /** The authenticator app's six-digit code, or one of the account's recovery codes. */
  code: z.string().min(1).max(64),
});

export function registerSessionRoutes(
  api: RestApi,
  deps: {
    accounts: AccountService;
    access: AccessService;
    auth: Authenticator;
    database: Database;
    /** Defaults to one on `database`; pass one to share it, e.g. with the job that purges it. */
    throttle?: LoginThrottle;
    audit: AuditLog;
    /** Second factors; defaults to one on `database`. */
    mfa?: MfaService;
    /** Whether an account without a second factor must enrol one before it gets a session. */
    requiresSecondFactor?: SecondFactorPolicy;
  },
) {
  const throttle = deps.throttle ?? new LoginThrottle(deps.database);
  const mfa = deps.mfa ?? new MfaService(deps.database);
  const requiresSecondFactor = deps.requiresSecondFactor ?? noSecondFactorPolicy;
  const signIn = { ...deps, mfa };
  const deviceCookie = new DeviceCookie({ secure: deps.auth.secureCookies });
  bindSecondFactors(deps.auth, mfa);
  const sameOrigin = async (request: FastifyRequest) => deps.auth.assertSameOrigin(request);

  /**
   * POST /api/v1/session — sign in with e-mail and password; sets the session cookie.
   * Repeated failures for an account or from a network are answered 429 with Retry-After;
   * a right password sets the known-device cookie, whose sign-ins failures elsewhere do not block.
   * An account with a second factor gets no session yet but `{ mfaRequired, challenge,
   * methods }` for POST /api/v1/session/mfa (a code) or /api/v1/session/passkey. An account
   * that must have one (its organisation's rule) and has none gets `{ enrolmentRequired,
   * challenge }`, good only for the /api/v1/session/enrolment/… routes.
   */
  api.route({
    method: "POST",
    path: "/session",
    summary: "Sign in with e-mail and password; a second step or an enrolment may follow",
    who: sameOrigin,
    body: SignIn,
    responses: { 200: PasswordStep },
    handler: async ({ body: input, request, reply }) => {
      // request.ip is the client's address as far as the configured trustProxy lets Fastify know it.
      const device = deviceCookie.idOf(request);
      const user = await throttle
        .guard({ email: input.email, ip: request.ip, device }, () =>
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
      // The password was right: this browser is now known to the account (the throttle stored it).
      deviceCookie.set(reply, device);
      const methods = await mfa.methodsOf(user.id);
      if (methods.length > 0) {
        return {
          mfaRequired: true as const,
          challenge: await mfa.createChallenge(user.id),
          methods,
        };
      }
      if (await requiresSecondFactor(user)) {
        return {
          enrolmentRequired: true as const,
          challenge: await mfa.createChallenge(user.id, "enrolment"),
        };
      }
      return completeSignIn(signIn, request, reply, user, "password");
    },
  });

  /**
   * POST /api/v1/session/mfa — the sign-in's second step: the challenge from the password
   * step and a code from the authenticator app or a recovery code. Wrong codes are throttled
   * like wrong passwords; the challenge is used up by the first right code.
   */
  api.route({
    method: "POST",
    path: "/session/mfa",
    summary: "The sign-in's second step: an authenticator app's code or a recovery code",
    who: sameOrigin,
    body: SecondStep,
    responses: { 200: SignedIn },
    handler: async ({ body: input, request, reply }) => {
      const method = looksLikeTotp(input.code) ? "totp" : "recovery_code";
      const user = await deps.accounts.users.byId(await mfa.challengeUser(input.challenge));
      if (!user || user.disabled_at !== null) throw new InvalidChallenge();
      const used = await throttle
        .guard({ email: codeThrottleKey(user.id), ip: request.ip }, () =>
          mfa.checkCode(user.id, input.code),
        )
        .catch(async (error: unknown) => {
          if (error instanceof TandemError) {
            await deps.audit.record({
              action: "sign_in",
              outcome: "failure",
              actor: { id: user.id, email: user.email },
              subject: user.email,
              ip: request.ip,
              details: { method, reason: error.code },
            });
          }
          throw error;
        });
      await mfa.consumeChallenge(input.challenge);
      return completeSignIn(signIn, request, reply, user, used);
    },
  });

  /**
   * DELETE /api/v1/session — sign out: the session ends on the server, not only in the
   * browser. 204, or 200 `{ next }` with a URL the browser must visit to finish (an
   * upstream provider's sign-out).
   */
  api.route({
    method: "DELETE",
    path: "/session",
    summary: "Sign out; 200 with the URL to visit next when an upstream provider signs out too",
    who: sameOrigin,
    responses: { 200: SignOutNext, 204: null },
    handler: async ({ request, reply }) => {
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
    },
  });
}
