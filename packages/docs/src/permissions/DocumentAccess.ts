import type { AccountDirectory, UserRow } from "@tandem/accounts";
import { Forbidden, NotFound } from "@tandem/kernel";
import { chainOf, type DocumentRow, type DocumentStore } from "../documents/DocumentStore.js";
import type { SharingStore } from "../documents/SharingStore.js";
import type { Role } from "../wire/enums.js";
import { type Abilities, abilitiesOf, effectiveRole, type Requester } from "./abilities.js";

export interface ResolvedDocument {
  document: DocumentRow;
  role: Role | null;
  abilities: Abilities;
}

const ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * The one place that decides what someone may do with a document; REST, the
 * collaboration socket, search and exports all ask here.
 */
export class DocumentAccess {
  readonly #store: DocumentStore;
  readonly #directory: AccountDirectory;

  readonly #sharing: SharingStore;
  /** Accounts whose invitations this process already claimed. */
  readonly #claimed = new Set<string>();

  constructor(store: DocumentStore, directory: AccountDirectory, sharing: SharingStore) {
    this.#store = store;
    this.#directory = directory;
    this.#sharing = sharing;
  }

  async requesterOf(user: UserRow | null | undefined): Promise<Requester | null> {
    if (!user) return null;
    if (!this.#claimed.has(user.id)) {
      // Invitations sent before the account existed become its accesses on its first visit.
      await this.#sharing.claim(user.email, user.id);
      this.#claimed.add(user.id);
    }
    return { userId: user.id, groupIds: await this.#directory.groupIdsOf(user.id) };
  }

  async roleOn(document: DocumentRow, requester: Requester | null): Promise<Role | null> {
    const chain = chainOf(document);
    const [links, grants] = await Promise.all([
      this.#store.linksOf(chain),
      requester
        ? this.#store.grantsTo(chain, requester.userId, requester.groupIds)
        : Promise.resolve([]),
    ]);
    return effectiveRole(requester, grants, links);
  }

  /**
   * The role granted to the requester or their groups, links left out: what search lists,
   * so that a document open to anyone with its link is not found by people without it.
   */
  async grantedRoleOn(document: DocumentRow, requester: Requester): Promise<Role | null> {
    const grants = await this.#store.grantsTo(
      chainOf(document),
      requester.userId,
      requester.groupIds,
    );
    return effectiveRole(requester, grants, []);
  }

  /** A live document and the requester's role on it; unknown ids (and the trash) are a 404. */
  async resolve(documentId: string, requester: Requester | null): Promise<ResolvedDocument> {
    const document = ID.test(documentId) ? await this.#store.byId(documentId) : undefined;
    if (!document || document.deleted_at !== null) throw new NotFound("No such document.");
    const role = await this.roleOn(document, requester);
    return { document, role, abilities: abilitiesOf(role) };
  }

  /** A document in the trash and the requester's role on it, as it was before. */
  async resolveTrashed(documentId: string, requester: Requester | null): Promise<ResolvedDocument> {
    const document = ID.test(documentId) ? await this.#store.byId(documentId) : undefined;
    if (!document || document.deleted_at === null)
      throw new NotFound("No such document in the trash.");
    const role = await this.roleOn(document, requester);
    return { document, role, abilities: abilitiesOf(role) };
  }

  /** As resolve, but refuses (403) a requester lacking the ability. */
  async require(
    documentId: string,
    requester: Requester | null,
    ability: keyof Abilities,
  ): Promise<ResolvedDocument> {
    const resolved = await this.resolve(documentId, requester);
    if (!resolved.abilities[ability]) {
      throw new Forbidden(
        resolved.abilities.read
          ? `Your role on this document does not allow this (${ability}).`
          : "You do not have access to this document.",
      );
    }
    return resolved;
  }
}
