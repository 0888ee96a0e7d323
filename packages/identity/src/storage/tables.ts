/** The identity module's tables. Timestamps are milliseconds since the epoch. */
export interface IdentityTables {
  /** Every oidc-provider model instance (sessions, codes, tokens, grants, interactions). */
  oidc_payloads: {
    model: string;
    id: string;
    payload: string;
    grant_id: string | null;
    /** The account a session, grant, code or token belongs to: what disabling an account revokes. */
    account_id: string | null;
    user_code: string | null;
    uid: string | null;
    expires_at: number | null;
    consumed_at: number | null;
  };
  /** Clients registered by the CLI or the admin UI; `metadata` is oidc-provider client metadata. */
  oidc_clients: {
    client_id: string;
    name: string;
    metadata: string;
    first_party: number;
    created_at: number;
  };
  /** Token-signing keys, newest first in use; a retired key is still published until `expires_at`. */
  oidc_keys: {
    kid: string;
    private_jwk: string;
    created_at: number;
    retired_at: number | null;
    expires_at: number | null;
  };
  /** Administrations: every account belongs to one. */
  organisations: {
    id: string;
    name: string;
    /** ISO 3166-1 alpha-2, e.g. FR, DE, NL. */
    country: string;
    /** The organisation's official identifier, e.g. a SIRET in France. */
    identifier: string | null;
    require_mfa: number;
    created_at: number;
  };
  /** What identity knows of an account beyond the kernel's e-mail and display name. */
  account_profiles: {
    user_id: string;
    organisation_id: string;
    given_name: string;
    family_name: string;
    /** Country of the identity provider the account comes from; local accounts: their organisation's. */
    home_federation: string;
    created_at: number;
  };
  /** Upstream identity providers Tandem brokers (ProConnect, a ministry's Keycloak, another Tandem). */
  upstream_providers: {
    id: string;
    name: string;
    issuer: string;
    client_id: string;
    client_secret: string;
    /** How its claims map to Tandem's: `proconnect` or generic `oidc`. */
    profile: "proconnect" | "oidc";
    /** JSON array of the e-mail domains it vouches for. */
    domains: string;
    /** Country of the federation its accounts come from: their `home_federation`. */
    federation: string;
    created_at: number;
  };
  /** Which upstream identity (issuer, subject) an account is; never matched by e-mail. */
  account_links: {
    issuer: string;
    subject: string;
    user_id: string;
    created_at: number;
  };
  /** Tandem sessions opened through an upstream provider: signing out goes there too. */
  federated_sessions: {
    session_id: string;
    upstream_id: string;
    id_token: string;
    /** The assurance the upstream stated for this sign-in, passed on to Tandem's apps. */
    acr: string | null;
    amr: string;
    created_at: number;
  };
  /**
   * What SCIM provisioning knows of an account beyond the kernel's row; accounts never
   * provisioned have none. A deprovisioned account is kept (other data may point at it),
   * disabled, and hidden from SCIM.
   */
  scim_users: {
    user_id: string;
    /** The provisioning system's own id for the account. */
    external_id: string | null;
    deprovisioned_at: number | null;
    updated_at: number;
  };
  /** Groups of accounts, provisioned over SCIM; apps share with them and see them as a claim. */
  groups: {
    id: string;
    display_name: string;
    external_id: string | null;
    created_at: number;
    updated_at: number;
  };
  group_members: {
    group_id: string;
    user_id: string;
  };
  /** Secrets the provider needs across restarts and instances (cookie signing keys). */
  identity_secrets: {
    name: string;
    value: string;
    created_at: number;
  };
}
