import { Conflict, Forbidden } from "@tandem/kernel";
import type { ResolvedDocument } from "../permissions/DocumentAccess.js";
import type { Role } from "../storage/tables.js";
import { type AccessRow, chainOf, type DocumentStore } from "./DocumentStore.js";

/**
 * Owners keep their documents: every path that changes or removes an access (a grant by
 * e-mail or to a group, an accepted request, a removal) asks here first, so that an
 * administrator cannot demote or remove an owner, and nobody leaves a document without one
 * (nobody could then manage it, not even the instance's administrators through the app).
 */
export class OwnerGuard {
  readonly #store: DocumentStore;

  constructor(store: DocumentStore) {
    this.#store = store;
  }

  /**
   * Refuses to turn `current` (the access as it is on the document, if any) into `next`
   * (`null`: removed) unless the requester is an owner when an owner's access is at stake
   * (403), and unless another owner remains on the document or an ancestor (409).
   */
  async check(
    resolved: Pick<ResolvedDocument, "document" | "abilities">,
    current: Pick<AccessRow, "id" | "role"> | undefined,
    next: Role | null,
  ): Promise<void> {
    if (next === "owner" && current?.role !== "owner" && !resolved.abilities.manageOwners) {
      throw new Forbidden("Only an owner can make someone an owner.");
    }
    if (current?.role !== "owner" || next === "owner") return;
    if (!resolved.abilities.manageOwners) {
      throw new Forbidden("Only an owner can change or remove an owner's access.");
    }
    const others = (await this.#store.liveOwnersOf(chainOf(resolved.document))).filter(
      (owner) => owner.id !== current.id,
    );
    if (others.length === 0) {
      throw new Conflict(
        "This is the document's last owner: make someone else an owner before removing or downgrading this access.",
      );
    }
  }
}
