// What the server and the web app share about accounts. Browser-safe: types and constants
// only, no node imports (the web app imports it as `@tandem/accounts/wire`).

/** A scope a personal access token may carry, as the module that checks it declares it. */
export interface TokenScopeDeclaration {
  name: string;
  /** Only administrators may create a token with it. */
  adminOnly: boolean;
  /**
   * Given to a token made without naming scopes (the CLI's): to every account, to
   * administrators only, or never.
   */
  byDefault: "everyone" | "administrators" | "never";
}

/** What a module adds to the audit log and to tokens: the server takes the union of all. */
export interface AccountDeclarationLists {
  auditActions?: readonly string[];
  tokenScopes?: readonly TokenScopeDeclaration[];
}

/** The audit actions accounts record: signing in and out, tokens, accounts, second factors. */
export const ACCOUNTS_AUDIT_ACTIONS = [
  "sign_in",
  "sign_out",
  "token_created",
  "token_revoked",
  "user_created",
  "user_disabled",
  "user_enabled",
  "factor_changed",
  "passkey_added",
  "passkey_removed",
  "passkey_used",
  "passkey_refused",
  "second_factors_reset",
] as const;

export type AccountsAuditAction = (typeof ACCOUNTS_AUDIT_ACTIONS)[number];

/**
 * `api`: Tandem's REST API; `admin`: the admin API (/api/v1/admin/…, administrators only;
 * `api` alone does not reach it).
 */
export const ACCOUNTS_TOKEN_SCOPES = [
  { name: "api", adminOnly: false, byDefault: "everyone" },
  { name: "admin", adminOnly: true, byDefault: "administrators" },
] as const satisfies readonly TokenScopeDeclaration[];
export * from "./account.js";
export * from "./signIn.js";
