import { z } from "zod";

// Account shapes (/api/v1/me, /api/v1/session, /api/v1/account/*), in one file so they can
// move with the account code to the module that owns it.

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
