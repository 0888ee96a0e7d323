import { ACCOUNTS_AUDIT_ACTIONS } from "@tandem/accounts/wire";
import { DOCS_AUDIT_ACTIONS } from "@tandem/docs/wire";
import { IDENTITY_AUDIT_ACTIONS } from "@tandem/identity/wire";
import { describe, expect, it } from "vitest";
import { auditActions } from "./AuditTab";

describe("the audit log's action filter", () => {
  it("offers every action the server's modules declare, each once, from their wire lists", () => {
    const offered = auditActions();
    for (const action of [
      ...ACCOUNTS_AUDIT_ACTIONS,
      ...IDENTITY_AUDIT_ACTIONS,
      ...DOCS_AUDIT_ACTIONS,
    ]) {
      expect(offered).toContain(action);
    }
    expect(new Set(offered).size).toBe(offered.length);
  });
});
