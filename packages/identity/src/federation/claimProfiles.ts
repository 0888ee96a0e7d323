import { InvalidRequest } from "@tandem/kernel";
import type { Upstream } from "./UpstreamStore.js";

/** What Tandem needs from an upstream answer, whatever the upstream calls it. */
export interface UpstreamIdentity {
  email: string;
  givenName: string;
  familyName: string;
  /** The organisation's official identifier (a SIRET from ProConnect), when stated. */
  organisationIdentifier?: string;
  organisationName?: string;
  acr?: string;
  amr?: string[];
}

/** The scopes to ask each kind of upstream for. */
export function scopesFor(profile: Upstream["profile"]): string {
  return profile === "proconnect"
    ? "openid email given_name usual_name uid siret idp_id"
    : "openid email profile organisation";
}

/**
 * Maps an upstream's claims to Tandem's model. ProConnect says `usual_name` for the family
 * name and `siret` for the organisation; a generic OIDC provider (Keycloak, openDesk,
 * another Tandem) says `family_name`, and Tandem adds `organisation`/`org_id`.
 */
export function mapClaims(
  profile: Upstream["profile"],
  claims: Record<string, unknown>,
): UpstreamIdentity {
  const text = (name: string) =>
    typeof claims[name] === "string" ? (claims[name] as string).trim() : undefined;
  const email = text("email");
  if (!email?.includes("@"))
    throw new InvalidRequest("the identity provider did not state an e-mail address");
  const amr = Array.isArray(claims.amr)
    ? claims.amr.filter((v): v is string => typeof v === "string")
    : undefined;
  if (profile === "proconnect") {
    return {
      email: email.toLowerCase(),
      givenName: text("given_name") ?? "",
      familyName: text("usual_name") ?? "",
      organisationIdentifier: text("siret"),
      acr: text("acr"),
      amr,
    };
  }
  return {
    email: email.toLowerCase(),
    givenName: text("given_name") ?? "",
    familyName: text("family_name") ?? "",
    organisationIdentifier: text("org_id"),
    organisationName: text("organisation"),
    acr: text("acr"),
    amr,
  };
}

const ACR_RANK: Record<string, number> = { eidas0: 0, eidas1: 1, eidas2: 2, eidas3: 3 };

/** Whether an answered assurance level meets the requested one (eidas1 < eidas2 < eidas3). */
export function acrSatisfies(answered: string | undefined, requested: string[]): boolean {
  if (requested.length === 0) return true;
  const rank = (acr: string | undefined) =>
    acr === undefined ? -1 : (ACR_RANK[acr.replace(/-mfa$/, "")] ?? -1);
  const needed = Math.min(...requested.map((acr) => rank(acr)));
  return rank(answered) >= needed;
}
