import { z } from "zod";

// Account shapes (/api/v1/me, /api/v1/session, /api/v1/account/*, /api/v1/mfa), shared by the
// account routes' answers and the web app's parsing.

/** The signed-in person, as `GET /api/v1/me` and `POST /api/v1/session` return them. */
export const User = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  isAdmin: z.boolean(),
});
export type User = z.infer<typeof User>;

/** One of the user's live browser sessions, as `GET /api/v1/account/sessions` lists them. */
export const AccountSession = z.object({
  id: z.string(),
  createdAt: z.number(),
  lastSeenAt: z.number(),
  expiresAt: z.number(),
  current: z.boolean(),
});
export type AccountSession = z.infer<typeof AccountSession>;
export const AccountSessionList = z.object({ sessions: z.array(AccountSession) });

/** The scopes the web app offers and shows (a token's other scopes are left out of its list). */
export const TOKEN_SCOPES = ["api", "scim", "admin"] as const;
export type TokenScope = (typeof TOKEN_SCOPES)[number];

/** A personal access token without its secret, as `GET /api/v1/account/tokens` lists them. */
export const AccessToken = z.object({
  id: z.string(),
  name: z.string(),
  createdAt: z.number(),
  expiresAt: z.number().nullable(),
  lastUsedAt: z.number().nullable(),
  /** Scopes this client does not know are left out. */
  scopes: z
    .array(z.string())
    .transform((scopes) =>
      scopes.filter((scope): scope is TokenScope =>
        (TOKEN_SCOPES as readonly string[]).includes(scope),
      ),
    ),
});
export type AccessToken = z.output<typeof AccessToken>;
export const AccessTokenList = z.object({ tokens: z.array(AccessToken) });
/** `POST /api/v1/account/tokens`: the token with its secret, shown this once. */
export const CreatedToken = AccessToken.extend({ token: z.string() });

/** The signed-in user's second factors, as `GET /api/v1/mfa` answers. */
export const MfaStatus = z.object({
  totp: z.object({ enabled: z.boolean(), confirmedAt: z.number().nullable() }),
  recoveryCodesLeft: z.number(),
});
export type MfaStatus = z.infer<typeof MfaStatus>;

/** A new authenticator-app secret, not active until confirmed with a first code. */
export const TotpEnrolment = z.object({
  secret: z.string(),
  otpauthUrl: z.string(),
  /** A `data:image/png` URL: the page's policy allows `img-src data:`. */
  qrDataUrl: z.string().startsWith("data:image/"),
});
export type TotpEnrolment = z.infer<typeof TotpEnrolment>;

/** Recovery codes, shown once (after confirming an app, or regenerated). */
export const RecoveryCodes = z.object({ recoveryCodes: z.array(z.string()) });
/** A required enrolment confirmed: signed in, with the recovery codes shown once. */
export const EnrolmentResult = RecoveryCodes.extend({ user: User });

/** A passkey as `GET /api/v1/mfa/passkeys` lists it. */
export const Passkey = z.object({
  id: z.string(),
  name: z.string(),
  createdAt: z.number(),
  lastUsedAt: z.number().nullable(),
  /** Synced between devices (a platform's password manager) or bound to one. */
  synced: z.boolean(),
});
export type Passkey = z.infer<typeof Passkey>;
export const PasskeyList = z.object({ passkeys: z.array(Passkey) });
