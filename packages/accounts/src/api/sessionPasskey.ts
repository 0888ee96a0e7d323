import { NetworkRate, type RestApi, TandemError } from "@tandem/kernel";
import type { FastifyRequest } from "fastify";
import { z } from "zod";
import type { AccessService } from "../accounts/AccessService.js";
import type { AccountService } from "../accounts/AccountService.js";
import type { AuditLog } from "../audit/AuditLog.js";
import type { Authenticator } from "../http/Authenticator.js";
import { InvalidChallenge, type MfaService } from "../mfa/MfaService.js";
import { InvalidPasskey, type PasskeyService } from "../mfa/PasskeyService.js";
import { AuthenticationCredential, asAuthentication } from "../mfa/passkeyInput.js";
import { PasskeyOptions, SignedIn } from "../wire/index.js";
import { completeSignIn } from "./signInCompletion.js";

const Options = z.object({
  /** The password step's challenge, for a second step; absent for a passwordless sign-in. */
  challenge: z.string().min(1).max(200).optional(),
});

/**
 * Anonymous passkey ceremonies one network may start per minute: each stores a challenge
 * until it expires. Far above what people behind one address need to sign in.
 */
export const PASSKEY_OPTIONS_PER_MINUTE = 60;

const Assertion = Options.extend({
  /** What `navigator.credentials.get` answered. */
  credential: AuthenticationCredential,
});

/**
 * Signing in with a passkey: as the second step after the password, or alone (a discoverable
 * passkey with user verification: possession and a PIN or biometric, itself two factors).
 */
export function registerPasskeySignInRoutes(
  api: RestApi,
  deps: {
    accounts: AccountService;
    access: AccessService;
    auth: Authenticator;
    audit: AuditLog;
    mfa: MfaService;
    passkeys: PasskeyService;
  },
) {
  const anonymousCeremonies = new NetworkRate(PASSKEY_OPTIONS_PER_MINUTE, 60_000);

  /** The user the password step's challenge stands for, if one was sent and is live. */
  async function challengedUser(challenge: string | undefined) {
    if (challenge === undefined) return null;
    const user = await deps.accounts.users.byId(await deps.mfa.challengeUser(challenge));
    if (!user || user.disabled_at !== null) throw new InvalidChallenge();
    return user;
  }

  const refused = (request: FastifyRequest, error: unknown, user?: { id: string; email: string }) =>
    deps.audit.record({
      action: "passkey_refused",
      outcome: "failure",
      actor: user ? { id: user.id, email: user.email } : null,
      subject: user?.email ?? null,
      ip: request.ip,
      details: { reason: error instanceof TandemError ? error.message : "error" },
    });

  /**
   * POST /api/v1/session/passkey/options — a WebAuthn challenge to sign: for the account of
   * the password step's `challenge`, or for any discoverable passkey when there is none.
   */
  api.route({
    method: "POST",
    path: "/session/passkey/options",
    summary: "A WebAuthn challenge to sign: a second step, or a passwordless sign-in",
    who: async (request) => deps.auth.assertSameOrigin(request),
    body: Options,
    responses: { 200: PasskeyOptions },
    handler: async ({ body: input, request }) => {
      const user = await challengedUser(input.challenge);
      // A second step is bound by its password step's throttle; a passwordless one by this.
      if (!user) anonymousCeremonies.take(request.ip);
      return { ...(await deps.passkeys.authenticationOptions(user?.id ?? null)) };
    },
  });

  /**
   * POST /api/v1/session/passkey — the signed challenge: completes the sign-in, with the
   * password step's `challenge` (which it uses up) or alone. 400 `invalid_passkey` otherwise.
   */
  api.route({
    method: "POST",
    path: "/session/passkey",
    summary: "The signed challenge: completes the sign-in with a passkey",
    who: async (request) => deps.auth.assertSameOrigin(request),
    body: Assertion,
    responses: { 200: SignedIn },
    handler: async ({ body: input, request, reply }) => {
      const expected = await challengedUser(input.challenge);
      let used: Awaited<ReturnType<PasskeyService["authenticate"]>>;
      try {
        used = await deps.passkeys.authenticate(
          expected?.id ?? null,
          asAuthentication(input.credential),
        );
      } catch (error) {
        await refused(request, error, expected ?? undefined);
        throw error;
      }
      const user = expected ?? (await deps.accounts.users.byId(used.userId));
      if (!user || user.disabled_at !== null) {
        const error = new InvalidPasskey("this account is disabled");
        await refused(request, error, user);
        throw error;
      }
      if (input.challenge !== undefined) await deps.mfa.consumeChallenge(input.challenge);
      await deps.audit.record({
        action: "passkey_used",
        outcome: "success",
        actor: { id: user.id, email: user.email },
        subject: user.email,
        ip: request.ip,
        details: { passkey: used.passkey.name, passwordless: expected === null },
      });
      const method = expected ? "passkey" : "passwordless_passkey";
      return completeSignIn(deps, request, reply, user, method);
    },
  });
}
