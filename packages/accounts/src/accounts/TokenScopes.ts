import { ACCOUNTS_TOKEN_SCOPES, type TokenScopeDeclaration } from "../wire/index.js";
import type { UserRow } from "./tables.js";

/** A scope a personal access token may carry; the modules declare them (`tokenScopes`). */
export type TokenScope = string;

/**
 * The token scopes this server's modules declared, and their rules: who may create a token
 * with one, and which a token made without naming scopes (the CLI's) gets.
 */
export class TokenScopes {
  readonly #declared: readonly TokenScopeDeclaration[];

  /** Without a list, accounts' own scopes (`api`, `admin`): enough for code that only reads. */
  constructor(declared: readonly TokenScopeDeclaration[] = ACCOUNTS_TOKEN_SCOPES) {
    this.#declared = [...declared];
  }

  get names(): TokenScope[] {
    return this.#declared.map((scope) => scope.name);
  }

  /** Whether only administrators may create a token with this scope. */
  adminOnly(scope: TokenScope): boolean {
    return this.#declared.some((declared) => declared.name === scope && declared.adminOnly);
  }

  /** The scopes this user may give a token, in the order declared. */
  offeredTo(user: UserRow): { name: TokenScope; adminOnly: boolean }[] {
    return this.#declared
      .filter((scope) => !scope.adminOnly || user.role === "admin")
      .map(({ name, adminOnly }) => ({ name, adminOnly }));
  }

  /**
   * A token made without naming scopes may do everything a token could before scopes:
   * every account's default scopes, then an administrator's.
   */
  defaultsFor(user: UserRow): TokenScope[] {
    const everyone = this.#declared.filter((scope) => scope.byDefault === "everyone");
    const admins = this.#declared.filter((scope) => scope.byDefault === "administrators");
    return [...everyone, ...(user.role === "admin" ? admins : [])].map((scope) => scope.name);
  }

  /** The declared scopes among those asked for, in the order declared, each once. */
  pick(wanted: readonly string[]): TokenScope[] {
    return this.names.filter((scope) => wanted.includes(scope));
  }

  /**
   * A token's stored scopes, in the order stored. Unknown or malformed values grant
   * nothing: a token's powers only ever come from the list.
   */
  parse(stored: string): TokenScope[] {
    let parsed: unknown;
    try {
      parsed = JSON.parse(stored);
    } catch {
      return [];
    }
    if (!Array.isArray(parsed)) return [];
    const names = this.names;
    return [...new Set(parsed)].filter((scope): scope is string => names.includes(scope));
  }
}
