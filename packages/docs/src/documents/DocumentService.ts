import type { AccountDirectory, AccountService } from "@tandem/accounts";
import { Forbidden, InvalidRequest, type MailOutbox, NotFound } from "@tandem/kernel";
import type { AccessWatcher } from "../collab/AccessWatcher.js";
import type { DocsNotifier } from "../notifications/DocsNotifier.js";
import type { MailLanguage } from "../notifications/language.js";
import type { Requester } from "../permissions/abilities.js";
import type { DocumentAccess, ResolvedDocument } from "../permissions/DocumentAccess.js";
import type { LinkReach, LinkRole, Role } from "../wire/enums.js";
import type { DocumentRow, DocumentStore } from "./DocumentStore.js";
import type { InvitationLimit } from "./InvitationLimit.js";
import type { OwnerGuard } from "./OwnerGuard.js";
import type { SharingStore } from "./SharingStore.js";

export const UNTITLED = "";

/** The rules for documents and their accesses; the routes stay thin. */
export class DocumentService {
  readonly #store: DocumentStore;
  readonly #access: DocumentAccess;
  readonly #accounts: AccountService;
  readonly #watcher: AccessWatcher;
  readonly #sharing: SharingStore;
  readonly #directory: AccountDirectory;
  readonly #reindex: (documentId: string) => Promise<void>;
  readonly #mail: MailOutbox;
  readonly #notifier: DocsNotifier;
  readonly #owners: OwnerGuard;
  readonly #invitations: InvitationLimit;

  constructor(deps: {
    store: DocumentStore;
    access: DocumentAccess;
    accounts: AccountService;
    watcher: AccessWatcher;
    sharing: SharingStore;
    directory: AccountDirectory;
    /** The title is searched too: a new one is indexed at once. */
    reindex: (documentId: string) => Promise<void>;
    mail: MailOutbox;
    notifier: DocsNotifier;
    owners: OwnerGuard;
    invitations: InvitationLimit;
  }) {
    this.#invitations = deps.invitations;
    this.#owners = deps.owners;
    this.#mail = deps.mail;
    this.#notifier = deps.notifier;
    this.#store = deps.store;
    this.#access = deps.access;
    this.#accounts = deps.accounts;
    this.#watcher = deps.watcher;
    this.#reindex = deps.reindex;
    this.#sharing = deps.sharing;
    this.#directory = deps.directory;
  }

  /** A root document owned by its creator, or a sub-page of one the requester may edit. */
  async create(
    requester: Requester,
    input: { title?: string; parentId?: string },
  ): Promise<ResolvedDocument> {
    const parent = input.parentId
      ? (await this.#access.require(input.parentId, requester, "createChild")).document
      : null;
    const created = await this.#store.insert({
      parent,
      title: input.title?.trim() ?? UNTITLED,
      creatorId: requester.userId,
      ownerRole: parent ? undefined : "owner",
    });
    if (created.title) await this.#reindex(created.id);
    return this.#access.resolve(created.id, requester);
  }

  /** Removes a document just created whose content could not be written (no half import). */
  async discard(id: string): Promise<void> {
    await this.#store.remove(id);
  }

  async children(requester: Requester | null, id: string): Promise<DocumentRow[]> {
    await this.#access.require(id, requester, "read");
    return this.#store.children(id);
  }

  async update(
    requester: Requester,
    id: string,
    input: { title?: string; icon?: string | null; linkReach?: LinkReach; linkRole?: LinkRole },
  ): Promise<ResolvedDocument> {
    const changesLink = input.linkReach !== undefined || input.linkRole !== undefined;
    await this.#access.require(id, requester, changesLink ? "share" : "edit");
    await this.#store.update(id, {
      ...(input.title !== undefined ? { title: input.title.trim() } : {}),
      ...(input.icon !== undefined ? { icon: input.icon } : {}),
      ...(input.linkReach ? { link_reach: input.linkReach } : {}),
      ...(input.linkRole ? { link_role: input.linkRole } : {}),
    });
    if (changesLink) await this.#watcher.changed(id);
    if (input.title !== undefined) await this.#reindex(id);
    return this.#access.resolve(id, requester);
  }

  /**
   * Members and pending invitations, for those who may share. A member who may not share
   * (a reader with a grant) sees the members' names only, for comment authors: no e-mail,
   * no invitation. Someone let in by the link alone sees nothing (403).
   */
  async accesses(requester: Requester, id: string) {
    const { document, abilities } = await this.#access.require(id, requester, "read");
    const sharer = abilities.share;
    if (!sharer && !(await this.#access.grantedRoleOn(document, requester))) {
      throw new Forbidden("Only members of this document see who else has access.");
    }
    const [rows, invitations] = await Promise.all([
      this.#store.accessesOf(id),
      sharer ? this.#sharing.invitationsOf(id) : Promise.resolve([]),
    ]);
    // Who each account is, for people choosing whom to share with; a handful per document.
    const accesses = await Promise.all(
      rows.map(async (row) => {
        const user = row.user_id ? await this.#accounts.users.byId(row.user_id) : undefined;
        return { ...row, email: sharer ? (user?.email ?? null) : null, name: user?.name ?? null };
      }),
    );
    return { accesses, invitations };
  }

  async cancelInvitation(requester: Requester, id: string, invitationId: string): Promise<void> {
    await this.#access.require(id, requester, "share");
    if (!(await this.#sharing.removeInvitation(id, invitationId))) {
      throw new NotFound("No such invitation.");
    }
  }

  /**
   * Gives an account (by e-mail) or a group a role; only owners hand out ownership. A person
   * named by e-mail is told, in `language` (the granter's), together with the grant.
   */
  async grant(
    requester: Requester,
    id: string,
    input: { email?: string; groupId?: string; role: Role },
    language: MailLanguage = "en",
  ): Promise<void> {
    const resolved = await this.#access.require(id, requester, "share");
    const { abilities, document } = resolved;
    if (input.email) {
      const email = input.email.trim().toLowerCase();
      if (!/^[^\s@]+@[^\s@]+$/.test(email))
        throw new InvalidRequest("email: not an e-mail address");
      const user = await this.#accounts.users.byEmail(email);
      // Each invitation e-mails an address the sender chose: counted, and bounded per day,
      // in the transaction that grants it, so that parallel ones cannot pass the limit.
      const invites = user?.id !== requester.userId;
      const sender = invites ? await this.#accounts.users.byId(requester.userId) : undefined;
      const count = async (trx: Parameters<InvitationLimit["take"]>[0]) => {
        if (!invites) return;
        const actor = { id: requester.userId, email: sender?.email ?? "" };
        const invitee = { email, role: input.role, hasAccount: !!user };
        await this.#invitations.take(trx, actor, id, invitee);
      };
      if (user) {
        const mail =
          user.id === requester.userId
            ? []
            : [await this.#notifier.shared(requester.userId, document, user, language)];
        // Granting replaces the role held: an owner's is only an owner's to change.
        await this.#mail.transaction(async (trx) => ({
          result: await this.#owners.change(
            resolved,
            { userId: user.id },
            input.role,
            async (inside) => {
              await count(inside);
              await this.#store.grantUser(id, user.id, input.role, inside);
            },
            trx,
          ),
          mail,
        }));
      } else {
        // No account yet: the role waits for their first visit.
        this.#owners.permit(resolved, undefined, input.role);
        const pending = await this.#sharing.invitationFor(id, email);
        if (pending?.role === "owner" && !abilities.manageOwners) {
          throw new Forbidden("Only an owner can change an invitation to be an owner.");
        }
        const mail = await this.#notifier.invited(requester.userId, document, email, language);
        await this.#mail.transaction(async (trx) => {
          await count(trx);
          return {
            result: await this.#sharing.invite(id, email, input.role, requester.userId, trx),
            mail: [mail],
          };
        });
      }
    } else if (input.groupId) {
      if (!(await this.#directory.group(input.groupId))) throw new NotFound("No such group.");
      const groupId = input.groupId;
      await this.#owners.change(resolved, { groupId }, input.role, (trx) =>
        this.#store.grantGroup(id, groupId, input.role, trx),
      );
    } else {
      throw new InvalidRequest("give an email or a groupId");
    }
    await this.#watcher.changed(id);
  }

  async revoke(requester: Requester, id: string, accessId: string): Promise<void> {
    const resolved = await this.#access.require(id, requester, "share");
    await this.#owners.change(resolved, { accessId }, null, async (trx, access) => {
      if (!access) throw new NotFound("No such access.");
      await this.#store.removeAccess(id, accessId, trx);
    });
    await this.#watcher.changed(id);
  }
}
