import {
  MfaStatus,
  PasswordStep,
  RecoveryCodes,
  SignedIn,
  type SecondStepMethod as StepMethod,
  TotpEnrolment,
} from "@tandem/accounts/wire";
import type { z } from "zod";
import { parseAs, request, type User } from "../api/client";

export type { MfaStatus, TotpEnrolment };

function parseCodes(value: unknown): string[] {
  return parseAs(RecoveryCodes, value, "list of recovery codes").recoveryCodes;
}

/** `GET /api/v1/mfa`. */
export async function fetchMfaStatus(): Promise<MfaStatus> {
  return parseAs(MfaStatus, await request("GET", "/api/v1/mfa"), "second-factor status");
}

/** `POST /api/v1/mfa/totp/enrol`. */
export async function enrolTotp(): Promise<TotpEnrolment> {
  return parseEnrolment(await request("POST", "/api/v1/mfa/totp/enrol"));
}

export function parseEnrolment(value: unknown): TotpEnrolment {
  return parseAs(TotpEnrolment, value, "enrolment");
}

/** `POST /api/v1/mfa/totp/confirm`: activates the app; the recovery codes, shown once. */
export async function confirmTotp(code: string): Promise<string[]> {
  return parseCodes(await request("POST", "/api/v1/mfa/totp/confirm", { code }));
}

/** `DELETE /api/v1/mfa/totp` with a current code. */
export async function disableTotp(code: string): Promise<void> {
  await request("DELETE", "/api/v1/mfa/totp", { code });
}

/** `POST /api/v1/mfa/recovery-codes`: ten new codes, the old ones void. */
export async function regenerateRecoveryCodes(code: string): Promise<string[]> {
  return parseCodes(await request("POST", "/api/v1/mfa/recovery-codes", { code }));
}

/** The ways an account can take the second step. */
export type SecondStepMethod = z.infer<typeof StepMethod>;

/**
 * The password step's answer: signed in; or a second step to take with this challenge; or
 * (the organisation requires a second factor the account lacks) one to enrol first.
 */
export type PasswordOutcome =
  | { user: User }
  | { challenge: string; methods: SecondStepMethod[] }
  | { enrolment: string };

/** `POST /api/v1/session` for accounts that may have a second factor. */
export async function signInWithPassword(
  email: string,
  password: string,
): Promise<PasswordOutcome> {
  const step = parseAs(
    PasswordStep,
    await request("POST", "/api/v1/session", { email, password }),
    "sign-in answer",
  );
  if ("mfaRequired" in step) {
    // An empty list cannot happen today; the authenticator app is the step every client knows.
    return { challenge: step.challenge, methods: step.methods.length ? step.methods : ["totp"] };
  }
  if ("enrolmentRequired" in step) return { enrolment: step.challenge };
  return { user: step.user };
}

/** `POST /api/v1/session/mfa`: the second step, with an app's code or a recovery code. */
export async function signInWithCode(challenge: string, code: string): Promise<User> {
  const value = await request("POST", "/api/v1/session/mfa", { challenge, code });
  return parseAs(SignedIn, value, "user shape").user;
}
