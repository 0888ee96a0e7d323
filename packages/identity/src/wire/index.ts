// What the server and the web app share about identity. Browser-safe: zod shapes, types and
// constants only, no node imports (the web app imports it as `@tandem/identity/wire`).
import type { TokenScopeDeclaration } from "@tandem/accounts/wire";

export * from "./admin.js";
export * from "./consent.js";
export * from "./discovery.js";

/** Where identity's REST API (under the shared /api/v1) is described, apart from accounts'. */
export const IDENTITY_OPENAPI = "/api/v1/identity/openapi.json";

/** The audit actions identity records: apps, upstream providers, organisations, keys, SCIM, consent. */
export const IDENTITY_AUDIT_ACTIONS = [
  "federated_sign_in",
  "client_added",
  "client_removed",
  "upstream_added",
  "upstream_removed",
  "organisation_added",
  "organisation_updated",
  "keys_rotated",
  "scim_change",
  "consent_given",
  "consent_revoked",
] as const;

export type IdentityAuditAction = (typeof IDENTITY_AUDIT_ACTIONS)[number];

/**
 * `scim`: provisioning at /scim/v2. Only administrators create such tokens; a token made
 * without naming scopes (the CLI's) has it, as every token had before scopes.
 */
export const IDENTITY_TOKEN_SCOPES = [
  { name: "scim", adminOnly: true, byDefault: "everyone" },
] as const satisfies readonly TokenScopeDeclaration[];
