import { type Database, Forbidden, InvalidRequest, parseInput } from "@tandem/kernel";
import type { FastifyInstance, FastifyRequest } from "fastify";
import { z } from "zod";
import type { AccountService } from "../accounts/AccountService.js";
import { LoginThrottle } from "../accounts/LoginThrottle.js";
import type { AuditLog } from "../audit/AuditLog.js";
import type { Authenticator } from "../http/Authenticator.js";
import { codeThrottleKey, MfaService } from "./MfaService.js";
import type { PasskeyService } from "./PasskeyService.js";
import { bindSecondFactors } from "./secondFactorSessions.js";

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
  http: FastifyInstance,
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
    deps.audit.record({
      action: "factor_changed",
      outcome,
      actor: { id: user.id, email: user.email },
      subject: user.email,
      ip: request.ip,
      details: { factor: "totp", change },
    });

  const checkTotp = (request: FastifyRequest, userId: string, code: string) =>
    throttle.guard({ email: codeThrottleKey(userId), ip: request.ip }, () =>
      mfa.checkTotp(userId, code),
    );

  /** GET /api/v1/mfa — the signed-in user's second factors. */
  http.get("/api/v1/mfa", async (request) => {
    const { user } = await deps.auth.require(request);
    const passkeys = deps.passkeys ? await deps.passkeys.list(user.id) : [];
    return { ...(await mfa.status(user.id)), passkeys };
  });

  /**
   * POST /api/v1/mfa/totp/enrol — a new secret for an authenticator app, with its QR code.
   * Not active until confirmed with a first code.
   */
  http.post("/api/v1/mfa/totp/enrol", async (request) => {
    const user = await sessionUser(request);
    const enrolment = await mfa.enrol(user);
    await changed(request, user, "enrolment_started");
    return enrolment;
  });

  /** POST /api/v1/mfa/totp/confirm — activates the app with a first code; recovery codes, once. */
  http.post("/api/v1/mfa/totp/confirm", async (request) => {
    const user = await sessionUser(request);
    const { code } = parseInput(Code, request.body);
    const result = await throttle
      .guard({ email: codeThrottleKey(user.id), ip: request.ip }, () => mfa.confirm(user, code))
      .catch(async (error: unknown) => {
        await changed(request, user, "confirmed", "failure");
        throw error;
      });
    await changed(request, user, "confirmed");
    return result;
  });

  /** DELETE /api/v1/mfa/totp — turns the app off; takes a current code or the password. */
  http.delete("/api/v1/mfa/totp", async (request, reply) => {
    const user = await sessionUser(request);
    const proof = parseInput(Proof, request.body);
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
    return reply.status(204).send();
  });

  /** POST /api/v1/mfa/recovery-codes — ten new recovery codes, the old ones void; takes a code. */
  http.post("/api/v1/mfa/recovery-codes", async (request) => {
    const user = await sessionUser(request);
    const { code } = parseInput(Code, request.body);
    await checkTotp(request, user.id, code).catch(async (error: unknown) => {
      await changed(request, user, "recovery_codes_regenerated", "failure");
      throw error;
    });
    const recoveryCodes = await mfa.regenerateRecoveryCodes(user.id);
    await changed(request, user, "recovery_codes_regenerated");
    return { recoveryCodes };
  });
}
