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

/** `GET /api/v1/me`: the user, with the organisation and groups other modules decide access by. */
export const Me = User.extend({
  disabled: z.boolean(),
  organisation: z
    .object({
      id: z.string(),
      name: z.string(),
      country: z.string(),
      identifier: z.string().nullable(),
    })
    .nullable(),
  groups: z.array(z.object({ id: z.string(), name: z.string() })),
});

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

/** A scope the user may give a token, as the server's modules declared it. */
export const TokenScopeOption = z.object({
  name: z.string(),
  /** Only administrators may create a token with it. */
  adminOnly: z.boolean(),
});
export type TokenScopeOption = z.infer<typeof TokenScopeOption>;

/** A personal access token without its secret, as `GET /api/v1/account/tokens` lists them. */
export const AccessToken = z.object({
  id: z.string(),
  name: z.string(),
  createdAt: z.number(),
  expiresAt: z.number().nullable(),
  lastUsedAt: z.number().nullable(),
  /** The scopes this server declared that the token carries. */
  scopes: z.array(z.string()),
});
export type AccessToken = z.infer<typeof AccessToken>;
/**
 * `GET /api/v1/account/tokens`: the tokens, and the scopes this user may give a new one
 * (administrators' only for an administrator), in the order the server declared them.
 */
export const AccessTokenList = z.object({
  tokens: z.array(AccessToken),
  scopes: z.array(TokenScopeOption),
});
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
/** `GET /api/v1/mfa`: the status with the passkeys. */
export const SecondFactors = MfaStatus.extend({ passkeys: z.array(Passkey) });

/** `GET /api/v1/admin/instances`: the instances of this deployment, this one first. */
export const InstanceList = z.object({
  self: z.string(),
  instances: z.array(
    z.object({
      id: z.string(),
      version: z.string(),
      startedAt: z.number(),
      lastSeenAt: z.number(),
    }),
  ),
});

/** An event of the security audit log, as `GET /api/v1/admin/audit` lists it. */
export const AuditEntry = z.object({
  id: z.string(),
  at: z.number(),
  action: z.string(),
  outcome: z.enum(["success", "failure"]),
  actorId: z.string().nullable(),
  actorEmail: z.string().nullable(),
  subject: z.string().nullable(),
  ip: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
});
export type AuditEntry = z.infer<typeof AuditEntry>;
export const AuditEntryList = z.object({ events: z.array(AuditEntry) });
