import type { RestApi } from "@tandem/kernel";
import type { FastifyRequest } from "fastify";
import { z } from "zod";
import type { AccessService } from "../accounts/AccessService.js";
import type { AccountService } from "../accounts/AccountService.js";
import type { LoginThrottle } from "../accounts/LoginThrottle.js";
import type { AuditLog } from "../audit/AuditLog.js";
import type { Authenticator } from "../http/Authenticator.js";
import { codeThrottleKey, InvalidChallenge, type MfaService } from "../mfa/MfaService.js";
import type { PasskeyService } from "../mfa/PasskeyService.js";
import { asRegistration, PasskeyName, RegistrationCredential } from "../mfa/passkeyInput.js";
import { EnrolmentResult, PasskeyOptions, SignedIn, TotpEnrolment } from "../wire/index.js";
import { completeSignIn } from "./signInCompletion.js";

const Enrolment = z.object({
  /** The password step's answer `{ enrolmentRequired, challenge }`. */
  challenge: z.string().min(1).max(200),
});

const TotpConfirmation = Enrolment.extend({
  /** The first code the authenticator app shows. */
  code: z.string().min(1).max(64),
});

const PasskeyRegistration = Enrolment.extend({
  name: PasskeyName,
  /** What `navigator.credentials.create` answered. */
  credential: RegistrationCredential,
});

/**
 * Enrolling a first second factor during sign-in, for an account whose organisation requires
 * one: the password step's enrolment challenge allows these routes and nothing else (it is
 * no session: /api/v1/me and every other route still answer 401). A confirmed factor uses
 * the challenge up and signs in, the new factor counting as the second step.
 */
export function registerEnrolmentRoutes(
  api: RestApi,
  deps: {
    accounts: AccountService;
    access: AccessService;
    auth: Authenticator;
    audit: AuditLog;
    throttle: LoginThrottle;
    mfa: MfaService;
    passkeys: PasskeyService;
  },
) {
  async function enrollingUser(request: FastifyRequest, challenge: string) {
    deps.auth.assertSameOrigin(request);
    const user = await deps.accounts.users.byId(
      await deps.mfa.challengeUser(challenge, "enrolment"),
    );
    if (!user || user.disabled_at !== null) throw new InvalidChallenge();
    return user;
  }

  const audited = (
    request: FastifyRequest,
    user: { id: string; email: string },
    action: "factor_changed" | "passkey_added",
    details: Record<string, unknown>,
    outcome: "success" | "failure" = "success",
  ) =>
    deps.audit.recordOwn(request, user, {
      action,
      outcome,
      details: { ...details, duringSignIn: true },
    });

  /** POST /api/v1/session/enrolment/totp — a new authenticator-app secret and its QR code. */
  api.route({
    method: "POST",
    path: "/session/enrolment/totp",
    summary: "During a required enrolment: a new authenticator-app secret and its QR code",
    body: Enrolment,
    responses: { 200: TotpEnrolment },
    handler: async ({ body: { challenge }, request }) => {
      const user = await enrollingUser(request, challenge);
      const enrolment = await deps.mfa.enrol(user);
      await audited(request, user, "factor_changed", {
        factor: "totp",
        change: "enrolment_started",
      });
      return enrolment;
    },
  });

  /**
   * POST /api/v1/session/enrolment/totp/confirm — the app's first code: the app is on, the
   * user signed in; `{ user, recoveryCodes }`, the codes shown this once.
   */
  api.route({
    method: "POST",
    path: "/session/enrolment/totp/confirm",
    summary: "During a required enrolment: the app's first code signs in; recovery codes, once",
    body: TotpConfirmation,
    responses: { 200: EnrolmentResult },
    handler: async ({ body: input, request, reply }) => {
      const user = await enrollingUser(request, input.challenge);
      const { recoveryCodes } = await deps.throttle
        .guard({ email: codeThrottleKey(user.id), ip: request.ip }, () =>
          deps.mfa.confirm(user, input.code),
        )
        .catch(async (error: unknown) => {
          await audited(
            request,
            user,
            "factor_changed",
            { factor: "totp", change: "confirmed" },
            "failure",
          );
          throw error;
        });
      await audited(request, user, "factor_changed", { factor: "totp", change: "confirmed" });
      await deps.mfa.consumeChallenge(input.challenge);
      return { ...(await completeSignIn(deps, request, reply, user, "totp")), recoveryCodes };
    },
  });

  /** POST /api/v1/session/enrolment/passkey/options — a WebAuthn challenge to register. */
  api.route({
    method: "POST",
    path: "/session/enrolment/passkey/options",
    summary: "During a required enrolment: a WebAuthn challenge to register a passkey",
    body: Enrolment,
    responses: { 200: PasskeyOptions },
    handler: async ({ body: { challenge }, request }) => ({
      ...(await deps.passkeys.registrationOptions(await enrollingUser(request, challenge))),
    }),
  });

  /** POST /api/v1/session/enrolment/passkey — registers the passkey and signs in with it. */
  api.route({
    method: "POST",
    path: "/session/enrolment/passkey",
    summary: "During a required enrolment: registers the passkey and signs in with it",
    body: PasskeyRegistration,
    responses: { 200: SignedIn },
    handler: async ({ body: input, request, reply }) => {
      const user = await enrollingUser(request, input.challenge);
      const passkey = await deps.passkeys
        .register(user, input.name, asRegistration(input.credential))
        .catch(async (error: unknown) => {
          await audited(request, user, "passkey_added", { name: input.name }, "failure");
          throw error;
        });
      await audited(request, user, "passkey_added", { name: passkey.name });
      await deps.mfa.consumeChallenge(input.challenge);
      return completeSignIn(deps, request, reply, user, "passkey");
    },
  });
}
