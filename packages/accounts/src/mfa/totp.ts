import { randomInt } from "node:crypto";
import { Secret, TOTP } from "otpauth";

/** RFC 6238 as every authenticator app implements it: SHA-1, 6 digits, 30-second steps. */
export const TOTP_PERIOD_S = 30;
const DIGITS = 6;

function totpOf(secret: string, label = "Tandem"): TOTP {
  return new TOTP({
    issuer: "Tandem",
    label,
    algorithm: "SHA1",
    digits: DIGITS,
    period: TOTP_PERIOD_S,
    secret: Secret.fromBase32(secret),
  });
}

/** A new 160-bit secret in base32, the size RFC 4226 recommends. */
export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

/** The `otpauth://` URL an authenticator app reads from the QR code. */
export function otpauthUrlOf(secret: string, account: string): string {
  return totpOf(secret, account).toString();
}

/** The 30-second step a time falls in (the TOTP counter). */
export function stepAt(now: number): number {
  return Math.floor(now / 1000 / TOTP_PERIOD_S);
}

/**
 * The step whose code this is, within one step either side of `now` (clocks drift, people
 * type slowly), or null. Comparison is constant-time inside otpauth.
 */
export function matchingStep(secret: string, code: string, now: number): number | null {
  if (!/^\d{6}$/.test(code)) return null;
  const delta = totpOf(secret).validate({ token: code, timestamp: now, window: 1 });
  return delta === null ? null : stepAt(now) + delta;
}

/** The code for a time: what an authenticator app shows (tests use it too). */
export function totpCodeAt(secret: string, now: number): string {
  return totpOf(secret).generate({ timestamp: now });
}

const RECOVERY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";
export const RECOVERY_CODE_COUNT = 10;

/** A 10-character recovery code without look-alike characters (about 50 bits). */
export function newRecoveryCode(): string {
  return Array.from(
    { length: 10 },
    () => RECOVERY_ALPHABET[randomInt(RECOVERY_ALPHABET.length)],
  ).join("");
}

/** What a person types for a recovery code, as it was issued: no spaces or dashes, lower case. */
export function normaliseRecoveryCode(input: string): string {
  return input.replace(/[\s-]/g, "").toLowerCase();
}

/** A six-digit entry is an app's code; anything else is tried as a recovery code. */
export function looksLikeTotp(code: string): boolean {
  return /^\d{6}$/.test(code.replace(/\s/g, ""));
}
