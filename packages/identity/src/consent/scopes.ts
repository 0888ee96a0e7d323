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

/** The known scopes among `scopes` (a space-separated string or a list), in display order. */
export function knownScopes(scopes: string | Iterable<string> | undefined): ConsentScope[] {
  const given = new Set(typeof scopes === "string" ? scopes.split(" ") : (scopes ?? []));
  return CONSENT_SCOPES.filter((scope) => given.has(scope));
}
