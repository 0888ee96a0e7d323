import {
  browserSupportsWebAuthn,
  startAuthentication,
  startRegistration,
  WebAuthnError,
} from "@simplewebauthn/browser";
import {
  EnrolmentResult,
  Passkey,
  PasskeyList,
  PasskeyOptions,
  SignedIn,
} from "@tandem/accounts/wire";
import { parseAs, request, type User } from "../api/client";
import { parseEnrolment, type TotpEnrolment } from "./api";

export type { Passkey };

export const passkeysSupported = (): boolean => browserSupportsWebAuthn();

/** The browser's WebAuthn prompt was dismissed, timed out or refused: no server error. */
export function wasCancelled(error: unknown): boolean {
  if (error instanceof WebAuthnError) return error.code === "ERROR_CEREMONY_ABORTED";
  return error instanceof DOMException && error.name === "NotAllowedError";
}

function parsePasskey(value: unknown): Passkey {
  return parseAs(Passkey, value, "passkey");
}

/** `GET /api/v1/mfa/passkeys`. */
export async function fetchPasskeys(): Promise<Passkey[]> {
  return parseAs(PasskeyList, await request("GET", "/api/v1/mfa/passkeys"), "list of passkeys")
    .passkeys;
}

/** Asks the server for a challenge, the browser for a new passkey, the server to keep it. */
async function createPasskey(optionsPath: string, body: Record<string, unknown>) {
  // The server's options are the library's own JSON shape; the browser library checks them.
  const optionsJSON = parseAs(
    PasskeyOptions,
    await request("POST", optionsPath, body),
    "passkey options",
  ) as unknown as Parameters<typeof startRegistration>[0]["optionsJSON"];
  return startRegistration({ optionsJSON });
}

/** Registers a new passkey for the signed-in user (`/api/v1/mfa/passkeys`). */
export async function addPasskey(name: string): Promise<Passkey> {
  const credential = await createPasskey("/api/v1/mfa/passkeys/options", {});
  return parsePasskey(await request("POST", "/api/v1/mfa/passkeys", { name, credential }));
}

export async function renamePasskey(id: string, name: string): Promise<void> {
  await request("PATCH", `/api/v1/mfa/passkeys/${encodeURIComponent(id)}`, { name });
}

export async function removePasskey(id: string): Promise<void> {
  await request("DELETE", `/api/v1/mfa/passkeys/${encodeURIComponent(id)}`);
}

/**
 * Signs in with a passkey: after the password with its `challenge`, or alone (passwordless,
 * any discoverable passkey of this site) without one.
 */
export async function signInWithPasskey(challenge?: string): Promise<User> {
  const body = challenge ? { challenge } : {};
  const optionsJSON = parseAs(
    PasskeyOptions,
    await request("POST", "/api/v1/session/passkey/options", body),
    "passkey options",
  ) as unknown as Parameters<typeof startAuthentication>[0]["optionsJSON"];
  const credential = await startAuthentication({ optionsJSON });
  const value = await request("POST", "/api/v1/session/passkey", { ...body, credential });
  return parseAs(SignedIn, value, "user shape").user;
}

/** During a required enrolment: a new authenticator-app secret for the enrolment challenge. */
export async function enrolTotpForSignIn(challenge: string): Promise<TotpEnrolment> {
  return parseEnrolment(await request("POST", "/api/v1/session/enrolment/totp", { challenge }));
}

/** The app's first code completes the enrolment and the sign-in; the recovery codes, once. */
export async function confirmTotpForSignIn(
  challenge: string,
  code: string,
): Promise<{ user: User; recoveryCodes: string[] }> {
  const value = await request("POST", "/api/v1/session/enrolment/totp/confirm", {
    challenge,
    code,
  });
  return parseAs(EnrolmentResult, value, "enrolment result");
}

/** During a required enrolment: a new passkey, which completes the sign-in. */
export async function enrolPasskeyForSignIn(challenge: string, name: string): Promise<User> {
  const credential = await createPasskey("/api/v1/session/enrolment/passkey/options", {
    challenge,
  });
  const value = await request("POST", "/api/v1/session/enrolment/passkey", {
    challenge,
    name,
    credential,
  });
  return parseAs(SignedIn, value, "user shape").user;
}
