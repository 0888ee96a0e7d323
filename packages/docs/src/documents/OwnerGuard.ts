import { Conflict, Forbidden } from "@tandem/kernel";
import type { Kysely } from "kysely";
import type { ResolvedDocument } from "../permissions/DocumentAccess.js";
import type { Role } from "../wire/enums.js";
import { type AccessRow, chainOf, type DocumentStore, type Tables } from "./DocumentStore.js";
import type { Grantee, OwnerStore } from "./OwnerStore.js";

type Resolved = Pick<ResolvedDocument, "document" | "abilities">;

/**
 * Owners keep their documents: every path that changes or removes an access (a grant by
 * e-mail or to a group, an accepted request, a removal) goes through here, so that an
 * administrator cannot demote or remove an owner, and nobody leaves a document without one
 * (nobody could then manage it, not even the instance's administrators through the app).
 */
export class OwnerGuard {
  readonly #documents: DocumentStore;
  readonly #owners: OwnerStore;

  constructor(documents: DocumentStore, owners: OwnerStore) {
    this.#documents = documents;
    this.#owners = owners;
  }

  /**
   * Turns the grantee's access into `next` (`null`: removed) by running `write`, after the
   * checks of `permit` and `keepsAnOwner`, all in one transaction (`executor`, or one of its
   * own) that holds the document tree: two owners removing each other at the same moment
   * cannot both succeed. `write` receives the access as it is in that transaction.
   */
  async change<T>(
    resolved: Resolved,
    grantee: Grantee,
    next: Role | null,
    write: (trx: Kysely<Tables>, current: AccessRow | undefined) => Promise<T>,
    executor?: Kysely<Tables>,
  ): Promise<T> {
    const chain = chainOf(resolved.document);
    return this.#owners.inTransaction(async (trx) => {
      await this.#owners.lockTree(trx, chain[0] ?? resolved.document.id);
      const current = await this.#owners.accessIn(trx, resolved.document.id, grantee);
      this.permit(resolved, current, next);
      if (current?.role === "owner" && next !== "owner") {
        await this.#keepsAnOwner(trx, chain, current);
      }
      return write(trx, current);
    }, executor);
  }

  /**
   * Refuses (403) to turn `current` (the access as it is on the document, if any) into `next`
   * unless the requester is an owner when an owner's access is at stake.
   */
  permit(resolved: Resolved, current: Pick<AccessRow, "role"> | undefined, next: Role | null) {
    if (next === "owner" && current?.role !== "owner" && !resolved.abilities.manageOwners) {
      throw new Forbidden("Only an owner can make someone an owner.");
    }
    if (current?.role === "owner" && next !== "owner" && !resolved.abilities.manageOwners) {
      throw new Forbidden("Only an owner can change or remove an owner's access.");
    }
  }

  /** Refuses (409) to take `current` away unless another owner remains on the chain. */
  async #keepsAnOwner(trx: Kysely<Tables>, chain: string[], current: AccessRow) {
    const live = await this.#documents.liveOwnersOf(chain, trx);
    if (live.every((owner) => owner.id === current.id)) {
      throw new Conflict(
        "This is the document's last owner: make someone else an owner before removing or downgrading this access.",
      );
    }
  }
}
