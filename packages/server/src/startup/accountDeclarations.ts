import {
  ACCOUNTS_AUDIT_ACTIONS,
  ACCOUNTS_TOKEN_SCOPES,
  type AccountDirectorySource,
  type AccountsModule,
  type BearerResolver,
  type SignOutHook,
  TokenScopes,
} from "@tandem/accounts";
import { Declarations } from "@tandem/kernel";
import { CliError } from "../commands/CliError.js";

/** What the modules add to accounts, collected before anything registers. */
export interface AccountDeclarations {
  bearerTokens: BearerResolver[];
  signOut: SignOutHook[];
  directory: AccountDirectorySource | undefined;
  /** The module that creates accounts with what it keeps beside them, if any. */
  accountCreator: AccountsModule | undefined;
  /** Every module's audit actions, accounts' first. */
  auditActions: string[];
  /** Every module's token scopes, accounts' first. */
  tokenScopes: TokenScopes;
}

/**
 * Collects the modules' declarations. Two modules declaring the same audit action or token
 * scope, or both an account directory or an account creator, are refused with one line,
 * before anything starts.
 */
export function accountDeclarations(modules: AccountsModule[]): AccountDeclarations {
  const directories = atMostOne(modules, "the account directory", (m) => m.directory);
  const creators = atMostOne(modules, "an account creator", (m) => m.createAccount);
  const declaring = [
    { name: "accounts", auditActions: ACCOUNTS_AUDIT_ACTIONS, tokenScopes: ACCOUNTS_TOKEN_SCOPES },
    ...modules,
  ];
  const auditActions = unique(
    "audit action",
    declaring.flatMap((m) => (m.auditActions ?? []).map((name) => ({ name, module: m.name }))),
  );
  const scopes = declaring.flatMap((m) => (m.tokenScopes ?? []).map((scope) => ({ scope, m })));
  unique(
    "token scope",
    scopes.map(({ scope, m }) => ({ name: scope.name, module: m.name })),
  );
  return {
    bearerTokens: modules.flatMap((module) => (module.bearerTokens ? [module.bearerTokens] : [])),
    signOut: modules.flatMap((module) => module.onSignOut ?? []),
    directory: directories[0]?.directory,
    accountCreator: creators[0],
    auditActions,
    tokenScopes: new TokenScopes(scopes.map(({ scope }) => scope)),
  };
}

function atMostOne(
  modules: AccountsModule[],
  what: string,
  declares: (module: AccountsModule) => unknown,
): AccountsModule[] {
  // One role, declared by each module that fills it: a second is the one refused.
  const role = new Declarations<AccountsModule>({
    key: () => what,
    refuse: (first, second) =>
      new CliError(`modules ${first.by}, ${second.by} each declare ${what}; only one may`),
  });
  for (const module of modules.filter(declares)) role.add(module, module.name);
  return role.values();
}

function unique(kind: string, declared: { name: string; module: string }[]): string[] {
  return new Declarations<string>({
    refuse: (first, second) =>
      new CliError(
        `${kind} "${second.value}" is declared twice: by ${first.by} and by ${second.by}`,
      ),
  })
    .addAll(declared.map(({ name, module }) => ({ value: name, by: module })))
    .values();
}
