import { z } from "zod";
import { User } from "./account.js";

// The answers of signing in and out (/api/v1/session…), shared by the routes' OpenAPI
// description and the web app's parsing.

/** Signed in: the session cookie is set. */
export const SignedIn = z.object({ user: User });

/** The ways an account can take the second step. */
export const SecondStepMethod = z.enum(["totp", "passkey"]);

/** The password was right; a second step is due, with this challenge (`/session/mfa` or `/session/passkey`). */
export const SecondStepRequired = z.object({
  mfaRequired: z.literal(true),
  challenge: z.string(),
  methods: z.array(SecondStepMethod),
});

/** The password was right; the organisation requires a second factor the account must enrol first. */
export const EnrolmentRequired = z.object({
  enrolmentRequired: z.literal(true),
  challenge: z.string(),
});

/** `POST /api/v1/session`: signed in, or a step still to take. */
export const PasswordStep = z.union([SignedIn, SecondStepRequired, EnrolmentRequired]);

/** `DELETE /api/v1/session` when the browser must visit an upstream provider's sign-out. */
export const SignOutNext = z.object({ next: z.string() });

/**
 * A WebAuthn ceremony's options, in @simplewebauthn's JSON shape: the browser library reads
 * them whole, so only the challenge is named here.
 */
export const PasskeyOptions = z.looseObject({ challenge: z.string() });
