import { type Database, Forbidden, InvalidRequest, type RestApi } from "@tandem/kernel";
import type { FastifyRequest } from "fastify";
import { z } from "zod";
import type { AccountService } from "../accounts/AccountService.js";
import { LoginThrottle } from "../accounts/LoginThrottle.js";
import type { AuditLog } from "../audit/AuditLog.js";
import type { Authenticator } from "../http/Authenticator.js";
import { codeThrottleKey, MfaService } from "../mfa/MfaService.js";
import type { PasskeyService } from "../mfa/PasskeyService.js";
import { bindSecondFactors } from "../mfa/secondFactorSessions.js";
import { RecoveryCodes, SecondFactors, TotpEnrolment } from "../wire/index.js";

const Code = z.object({
  /** The six-digit code the authenticator app shows now. */
  code: z.string().min(1).max(64),
});

const Proof = z.object({
  /** The six-digit code the authenticator app shows now… */
  code: z.string().min(1).max(64).optional(),
  /** …or the account's password. */
  password: z.string().min(1).max(1024).optional(),
});

export function registerMfaRoutes(
  api: RestApi,
  deps: {
    auth: Authenticator;
    accounts: AccountService;
    audit: AuditLog;
    database: Database;
    throttle?: LoginThrottle;
    mfa?: MfaService;
    /** The account's passkeys, listed with its other factors. */
    passkeys?: PasskeyService;
  },
) {
  const mfa = deps.mfa ?? new MfaService(deps.database);
  const throttle = deps.throttle ?? new LoginThrottle(deps.database);
  bindSecondFactors(deps.auth, mfa);

  /** Factors change only from a browser session, never with a personal access token. */
  async function sessionUser(request: FastifyRequest) {
    deps.auth.assertSameOrigin(request);
    const principal = await deps.auth.require(request);
    if (principal.via !== "session") throw new Forbidden("Sign in with a browser to change this.");
    return principal.user;
  }

  const changed = (
    request: FastifyRequest,
    user: { id: string; email: string },
    change: string,
    outcome: "success" | "failure" = "success",
  ) =>
    deps.audit.recordOwn(request, user, {
      action: "factor_changed",
      outcome,
      details: { factor: "totp", change },
    });

  const checkTotp = (request: FastifyRequest, userId: string, code: string) =>
    throttle.guard({ email: codeThrottleKey(userId), ip: request.ip }, () =>
      mfa.checkTotp(userId, code),
    );

  /** GET /api/v1/mfa — the signed-in user's second factors. */
  api.route({
    method: "GET",
    path: "/mfa",
    summary: "The signed-in user's second factors",
    who: (request) => deps.auth.require(request),
    responses: { 200: SecondFactors },
    handler: async ({ who: { user } }) => {
      const passkeys = deps.passkeys ? await deps.passkeys.list(user.id) : [];
      return { ...(await mfa.status(user.id)), passkeys };
    },
  });

  /**
   * POST /api/v1/mfa/totp/enrol — a new secret for an authenticator app, with its QR code.
   * Not active until confirmed with a first code.
   */
  api.route({
    method: "POST",
    path: "/mfa/totp/enrol",
    summary: "A new authenticator-app secret and its QR code, active once confirmed",
    who: sessionUser,
    responses: { 200: TotpEnrolment },
    handler: async ({ who: user, request }) => {
      const enrolment = await mfa.enrol(user);
      await changed(request, user, "enrolment_started");
      return enrolment;
    },
  });

  /** POST /api/v1/mfa/totp/confirm — activates the app with a first code; recovery codes, once. */
  api.route({
    method: "POST",
    path: "/mfa/totp/confirm",
    summary: "Activate the authenticator app with a first code; the recovery codes, once",
    who: sessionUser,
    body: Code,
    responses: { 200: RecoveryCodes },
    handler: async ({ who: user, body: { code }, request }) => {
      const result = await throttle
        .guard({ email: codeThrottleKey(user.id), ip: request.ip }, () => mfa.confirm(user, code))
        .catch(async (error: unknown) => {
          await changed(request, user, "confirmed", "failure");
          throw error;
        });
      await changed(request, user, "confirmed");
      return result;
    },
  });

  /** DELETE /api/v1/mfa/totp — turns the app off; takes a current code or the password. */
  api.route({
    method: "DELETE",
    path: "/mfa/totp",
    summary: "Turn the authenticator app off, with a current code or the password",
    who: sessionUser,
    body: Proof,
    responses: { 204: null },
    handler: async ({ who: user, body: proof, request }) => {
      try {
        if (proof.code) await checkTotp(request, user.id, proof.code);
        else if (proof.password) {
          const password = proof.password;
          await throttle.guard({ email: user.email, ip: request.ip }, () =>
            deps.accounts.checkPassword(user.email, password),
          );
        } else throw new InvalidRequest("code: a current code or the password is required");
      } catch (error) {
        await changed(request, user, "disabled", "failure");
        throw error;
      }
      await mfa.disable(user.id);
      await changed(request, user, "disabled");
      return undefined;
    },
  });

  /** POST /api/v1/mfa/recovery-codes — ten new recovery codes, the old ones void; takes a code. */
  api.route({
    method: "POST",
    path: "/mfa/recovery-codes",
    summary: "Ten new recovery codes, the old ones void; takes a current code",
    who: sessionUser,
    body: Code,
    responses: { 200: RecoveryCodes },
    handler: async ({ who: user, body: { code }, request }) => {
      await checkTotp(request, user.id, code).catch(async (error: unknown) => {
        await changed(request, user, "recovery_codes_regenerated", "failure");
        throw error;
      });
      const recoveryCodes = await mfa.regenerateRecoveryCodes(user.id);
      await changed(request, user, "recovery_codes_regenerated");
      return { recoveryCodes };
    },
  });
}
