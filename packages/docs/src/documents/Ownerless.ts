import { AccountService, AuditLog, type UserRow } from "@tandem/accounts";
import { type Database, Forbidden, InvalidRequest, NotFound } from "@tandem/kernel";
import { chainOf, type DocumentRow, DocumentStore } from "./DocumentStore.js";

/**
 * Documents that lost their last owner, and what gives them one again. Sharing refuses to
 * remove the last owner (OwnerGuard), but an account can still be disabled or deprovisioned:
 * its documents then pass to the instance's administrators. Documents already orphaned (or
 * orphaned when no administrator was left) are listed for administrators to recover.
 */
export class Ownerless {
  readonly #store: DocumentStore;
  readonly #accounts: AccountService;
  readonly #audit: AuditLog;

  constructor(deps: { store: DocumentStore; accounts: AccountService; audit: AuditLog }) {
    this.#store = deps.store;
    this.#accounts = deps.accounts;
    this.#audit = deps.audit;
  }

  /** Built on the database alone, as account deactivation runs in the server and the CLI. */
  static on(database: Database): Ownerless {
    return new Ownerless({
      store: new DocumentStore(database),
      accounts: new AccountService(database),
      audit: new AuditLog(database),
    });
  }

  /**
   * The account was disabled: each document it was the last owner of becomes the active
   * administrators', recorded in the audit log. Its own access stays, for a reactivation.
   */
  async accountDisabled(accountId: string): Promise<void> {
    const owned = await this.#store.ownedBy(accountId);
    if (owned.length === 0) return;
    const admins = (await this.#accounts.list()).filter(
      (user) => user.role === "admin" && user.disabled_at === null && user.id !== accountId,
    );
    for (const documentId of owned) {
      const document = await this.#store.byId(documentId);
      if (!document) continue;
      if ((await this.#store.liveOwnersOf(chainOf(document))).length > 0) continue;
      for (const admin of admins) await this.#store.grantUser(documentId, admin.id, "owner");
      await this.#audit.record({
        action: "document_ownership_transferred",
        // With no administrator left, the document waits in the list of ownerless ones.
        outcome: admins.length > 0 ? "success" : "failure",
        subject: documentId,
        details: {
          title: document.title,
          from: accountId,
          to: admins.map((admin) => admin.email),
          reason: "account_disabled",
        },
      });
    }
  }

  /** Root documents (their sub-pages inherit) with no owner who can still act. */
  list(admin: UserRow): Promise<DocumentRow[]> {
    requireAdmin(admin);
    return this.#store.ownerless();
  }

  /** Gives an ownerless document to the account named by e-mail, or to the administrator. */
  async recover(admin: UserRow, documentId: string, email?: string): Promise<UserRow> {
    requireAdmin(admin);
    const document = await this.#store.byId(documentId);
    const orphan =
      document?.parent_id === null &&
      (await this.#store.liveOwnersOf(chainOf(document))).length === 0;
    if (!document || !orphan) {
      throw new NotFound("No such document without an owner.");
    }
    const owner = email ? await this.#accounts.users.byEmail(email.trim().toLowerCase()) : admin;
    if (!owner || owner.disabled_at !== null) {
      throw new InvalidRequest("email: no active account has this e-mail address");
    }
    await this.#store.grantUser(documentId, owner.id, "owner");
    await this.#audit.record({
      action: "document_recovered",
      outcome: "success",
      actor: { id: admin.id, email: admin.email },
      subject: documentId,
      details: { title: document.title, owner: owner.email },
    });
    return owner;
  }
}

function requireAdmin(user: UserRow): void {
  if (user.role !== "admin") throw new Forbidden("Administrators only.");
}
