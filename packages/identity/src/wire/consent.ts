import { z } from "zod";

// The consent screen's and the account's apps API (/api/v1/consent, /api/v1/account/apps).

/**
 * The scopes a consent screen can name, in the order it lists them: who you are first,
 * lasting access last. Anything else a client asks for grants nothing here, so it is not shown.
 */
export const CONSENT_SCOPES = [
  "openid",
  "profile",
  "email",
  "organisation",
  "groups",
  "offline_access",
] as const;
export type ConsentScope = (typeof CONSENT_SCOPES)[number];
export const ConsentScope = z.enum(CONSENT_SCOPES);

export const ConsentParams = z.object({
  /** The provider's interaction uid, as the consent page's `interaction` parameter carries it. */
  uid: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, "not an interaction id"),
});

/** POST /consent/:uid */
export const ConsentDecision = z.object({
  /** The user's answer to the app's request. */
  decision: z.enum(["allow", "deny"]),
});

/** A third-party app's request: the app, its redirect host and the scopes it asks for. */
export const ConsentRequest = z.object({
  interaction: z.string(),
  client: z.object({ id: z.string(), name: z.string(), redirectHost: z.string() }),
  /** What this answer is about. */
  scopes: z.array(ConsentScope),
  /** Asked for too, but allowed before. */
  granted: z.array(ConsentScope),
});
export type ConsentRequest = z.infer<typeof ConsentRequest>;

/** Where the browser resumes the authorization, a path on this site. */
export const ConsentAnswer = z.object({ redirectTo: z.string() });

export const AppParams = z.object({
  /** The app's client id, as the list gives it. */
  clientId: z.string().min(1).max(128),
});

/** An app the user let in: hosts only, the full redirect URIs are the app's business. */
export const ConsentedApp = z.object({
  clientId: z.string(),
  name: z.string(),
  hosts: z.array(z.string()),
  scopes: z.array(ConsentScope),
  grantedAt: z.number(),
});
export type ConsentedApp = z.infer<typeof ConsentedApp>;
export const ConsentedAppList = z.object({ apps: z.array(ConsentedApp) });
