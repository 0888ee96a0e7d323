import type { SecondFactorMethod } from "./tables.js";

/**
 * What a session signed in here states to apps (RFC 8176 amr, eIDAS-style acr): a password
 * alone is eidas1; with a one-time code (app or recovery code) or a passkey, eidas2. A
 * passwordless passkey required user verification (PIN or biometric): two factors too.
 */
export function localAssurance(method: SecondFactorMethod | undefined): {
  acr: string;
  amr: string[];
} {
  switch (method) {
    case "totp":
    case "recovery_code":
      return { acr: "eidas2", amr: ["pwd", "otp"] };
    case "passkey":
      return { acr: "eidas2", amr: ["pwd", "hwk", "mfa"] };
    case "passwordless_passkey":
      return { acr: "eidas2", amr: ["hwk", "user", "mfa"] };
    default:
      return { acr: "eidas1", amr: ["pwd"] };
  }
}
