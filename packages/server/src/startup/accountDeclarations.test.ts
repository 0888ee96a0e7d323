import type { AccountsModule } from "@tandem/accounts";
import { describe, expect, test } from "vitest";
import { createModules } from "../modules.js";
import { accountDeclarations } from "./accountDeclarations.js";

const lineOf = (modules: AccountsModule[]): string => {
  try {
    accountDeclarations(modules);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error("accepted");
};

describe("what the modules declare to accounts", () => {
  test("this build's modules: the union of every module's audit actions and token scopes", () => {
    const declared = accountDeclarations(createModules());
    expect(declared.auditActions).toEqual(
      expect.arrayContaining(["sign_in", "scim_change", "consent_given", "document_invited"]),
    );
    expect(declared.tokenScopes.names).toEqual(["api", "admin", "scim"]);
    expect(declared.tokenScopes.adminOnly("scim")).toBe(true);
    // What the account page offers: a member the scopes anyone may give, an administrator all.
    const member = { role: "member" } as Parameters<typeof declared.tokenScopes.offeredTo>[0];
    expect(declared.tokenScopes.offeredTo(member)).toEqual([{ name: "api", adminOnly: false }]);
    expect(declared.tokenScopes.offeredTo({ ...member, role: "admin" })).toEqual([
      { name: "api", adminOnly: false },
      { name: "admin", adminOnly: true },
      { name: "scim", adminOnly: true },
    ]);
    expect(declared.directory).toBeDefined();
    expect(declared.signOut).toHaveLength(2);
    expect(declared.bearerTokens).toHaveLength(1);
  });

  test("an audit action or a token scope declared twice is refused in one line", () => {
    const chat: AccountsModule = { name: "chat", auditActions: ["consent_given"] };
    expect(lineOf([...createModules(), chat])).toBe(
      'audit action "consent_given" is declared twice: by identity and by chat',
    );
    const bot: AccountsModule = {
      name: "assistant",
      tokenScopes: [{ name: "api", adminOnly: false, byDefault: "never" }],
    };
    expect(lineOf([bot])).toBe('token scope "api" is declared twice: by accounts and by assistant');
  });

  test("two modules declaring the account directory are refused", () => {
    const source = {
      describe: async () => ({ organisation: null, groups: [] }),
      groupIdsOf: async () => [],
      group: async () => undefined,
    };
    const one: AccountsModule = { name: "one", directory: source };
    const two: AccountsModule = { name: "two", directory: source };
    expect(lineOf([one, two])).toBe(
      "modules one, two each declare the account directory; only one may",
    );
  });
});
