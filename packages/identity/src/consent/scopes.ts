import { CONSENT_SCOPES, type ConsentScope } from "../wire/consent.js";

export { CONSENT_SCOPES, type ConsentScope };

/** The known scopes among `scopes` (a space-separated string or a list), in display order. */
export function knownScopes(scopes: string | Iterable<string> | undefined): ConsentScope[] {
  const given = new Set(typeof scopes === "string" ? scopes.split(" ") : (scopes ?? []));
  return CONSENT_SCOPES.filter((scope) => given.has(scope));
}
