import { Conflict, InvalidRequest, type MailOutbox, NotFound } from "@tandem/kernel";
import type { AccessWatcher } from "../collab/AccessWatcher.js";
import type { DocsNotifier } from "../notifications/DocsNotifier.js";
import type { MailLanguage } from "../notifications/language.js";
import { type Requester, rank } from "../permissions/abilities.js";
import type { DocumentAccess } from "../permissions/DocumentAccess.js";
import type { Role } from "../wire/enums.js";
import type { DocumentStore } from "./DocumentStore.js";
import type { OwnerGuard } from "./OwnerGuard.js";
import type { AccessRequestRow, SharingStore } from "./SharingStore.js";

/**
 * "Ask for access": anyone signed in asks, owners and administrators decide. Both steps
 * e-mail the other side, in the language of the one acting.
 */
export class AccessRequests {
  readonly #store: DocumentStore;
  readonly #sharing: SharingStore;
  readonly #access: DocumentAccess;
  readonly #watcher: AccessWatcher;
  readonly #mail: MailOutbox;
  readonly #notifier: DocsNotifier;
  readonly #owners: OwnerGuard;

  constructor(deps: {
    store: DocumentStore;
    sharing: SharingStore;
    access: DocumentAccess;
    watcher: AccessWatcher;
    mail: MailOutbox;
    notifier: DocsNotifier;
    owners: OwnerGuard;
  }) {
    this.#owners = deps.owners;
    this.#mail = deps.mail;
    this.#notifier = deps.notifier;
    this.#store = deps.store;
    this.#sharing = deps.sharing;
    this.#access = deps.access;
    this.#watcher = deps.watcher;
  }

  async ask(
    requester: Requester,
    id: string,
    role: Role,
    language: MailLanguage = "en",
  ): Promise<AccessRequestRow> {
    if (role === "owner") throw new InvalidRequest("role: ownership is given, not asked for");
    const { role: current, document } = await this.#access.resolve(id, requester);
    if (rank(current) >= rank(role))
      throw new Conflict(`you already have the ${current} role here`);
    const mail = await this.#notifier.accessRequested(requester.userId, document, language);
    return this.#mail.transaction(async (trx) => ({
      result: await this.#sharing.request(id, requester.userId, role, trx),
      mail,
    }));
  }

  async list(requester: Requester, id: string): Promise<AccessRequestRow[]> {
    await this.#access.require(id, requester, "share");
    return this.#sharing.requestsOf(id);
  }

  /** Grants what was asked, or another role the decider chooses. */
  async accept(
    requester: Requester,
    id: string,
    requestId: string,
    role?: Role,
    language: MailLanguage = "en",
  ): Promise<void> {
    const resolved = await this.#access.require(id, requester, "share");
    const { document } = resolved;
    const asked = await this.#find(id, requestId);
    const granted = role ?? asked.role;
    const mail = await this.#notifier.requestAccepted(
      requester.userId,
      document,
      asked.user_id,
      language,
    );
    // The asker may have become an owner since asking: their role is then an owner's to change.
    await this.#mail.transaction(async (trx) => ({
      result: await this.#owners.change(
        resolved,
        { userId: asked.user_id },
        granted,
        async (inside) => {
          if (!(await this.#sharing.takeRequest(id, requestId, inside))) {
            throw new NotFound("No such access request.");
          }
          await this.#store.grantUser(id, asked.user_id, granted, inside);
        },
        trx,
      ),
      mail,
    }));
    await this.#watcher.changed(id);
  }

  async refuse(requester: Requester, id: string, requestId: string): Promise<void> {
    await this.#access.require(id, requester, "share");
    if (!(await this.#sharing.takeRequest(id, requestId))) {
      throw new NotFound("No such access request.");
    }
  }

  async #find(id: string, requestId: string): Promise<AccessRequestRow> {
    const found = (await this.#sharing.requestsOf(id)).find((row) => row.id === requestId);
    if (!found) throw new NotFound("No such access request.");
    return found;
  }
}
