import { Conflict, Forbidden, InvalidRequest } from "@tandem/kernel";
import type { AccessWatcher } from "../collab/AccessWatcher.js";
import type { ServerEdits } from "../collab/ServerEdits.js";
import type { Requester } from "../permissions/abilities.js";
import type { DocumentAccess, ResolvedDocument } from "../permissions/DocumentAccess.js";
import type { UpdateLog } from "../storage/UpdateLog.js";
import type { Role } from "../wire/enums.js";
import { chainOf, type DocumentRow, type DocumentStore } from "./DocumentStore.js";
import type { Grantee, TreeStore } from "./TreeStore.js";

export const TRASH_DAYS = 30;
const DAY = 86_400_000;

/** Who owns, as comparable keys: an account and a group with the same id stay apart. */
function keysOf(...lists: Grantee[][]): Set<string> {
  return new Set(
    lists
      .flat()
      .map((grantee) => (grantee.user_id ? `u:${grantee.user_id}` : `g:${grantee.group_id}`)),
  );
}

/** The page tree's rules: moving, duplicating, the trash, favourites and templates. */
export class TreeService {
  readonly #documents: DocumentStore;
  readonly #tree: TreeStore;
  readonly #access: DocumentAccess;
  readonly #log: UpdateLog;
  readonly #edits: ServerEdits;
  readonly #watcher: AccessWatcher;

  constructor(deps: {
    documents: DocumentStore;
    tree: TreeStore;
    access: DocumentAccess;
    log: UpdateLog;
    edits: ServerEdits;
    watcher: AccessWatcher;
  }) {
    this.#documents = deps.documents;
    this.#tree = deps.tree;
    this.#access = deps.access;
    this.#log = deps.log;
    this.#edits = deps.edits;
    this.#watcher = deps.watcher;
  }

  /**
   * Under another document the requester may add to, or at the top. A page inherits the
   * accesses of the pages above it, so a move changes who owns it; the rules below keep
   * its owners unless an owner decides otherwise (see `#checkOwners`).
   */
  async move(requester: Requester, id: string, parentId: string | null): Promise<ResolvedDocument> {
    const { document, abilities } = await this.#access.require(id, requester, "move");
    const parent = parentId
      ? (await this.#access.require(parentId, requester, "createChild")).document
      : null;
    if (parent && chainOf(parent).includes(document.id)) {
      throw new InvalidRequest("a document cannot move below itself");
    }
    const above = chainOf(document).slice(0, -1);
    const [ownersAbove, ownOwners, ownersThere] = await Promise.all([
      this.#tree.ownersOn(above),
      this.#tree.ownersOn([document.id]),
      this.#tree.ownersOn(parent ? chainOf(parent) : []),
    ]);
    // At the top nothing is inherited any more. Those who owned it from above keep owning it
    // (their owner accesses are copied onto it), as in Notion-like tools a page taken out to
    // the top level stays in its owners' hands whoever moved it; the mover keeps their role.
    const keptOwners = parent ? [] : ownersAbove;
    await this.#checkOwners(requester, abilities.manageOwners, above, {
      before: keysOf(ownersAbove, ownOwners),
      after: keysOf(ownersThere, ownOwners, keptOwners),
    });
    const grants = keptOwners.map((owner): Grantee & { role: Role } => ({
      ...owner,
      role: "owner",
    }));
    if (!parent && !abilities.manageOwners) {
      grants.push({ user_id: requester.userId, group_id: null, role: "administrator" });
    }
    await this.#tree.move(document, parent, grants);
    await this.#watcher.changed(document.id);
    return this.#access.resolve(document.id, requester);
  }

  /**
   * A move that keeps the page's owners needs only the right to manage it (administrators
   * reorganise their owners' trees). One that gives it to new owners needs an owner of the
   * page (only owners hand out ownership), and one that takes it from owners it had through
   * the pages above needs an owner of those pages too: otherwise an administrator, or the
   * owner of a single sub-page, could carry a page off under a tree of their own and then
   * delete it. A page never ends up without an owner.
   */
  async #checkOwners(
    requester: Requester,
    ownsPage: boolean,
    above: string[],
    owners: { before: Set<string>; after: Set<string> },
  ): Promise<void> {
    const gained = [...owners.after].some((key) => !owners.before.has(key));
    const lost = [...owners.before].some((key) => !owners.after.has(key));
    if (owners.after.size === 0 && owners.before.size > 0) {
      throw new Conflict("The page would have no owner there: move it under a page with an owner.");
    }
    if (gained && !ownsPage) {
      throw new Forbidden("Only an owner can move this page under pages owned by someone else.");
    }
    if (lost) {
      const grants = await this.#documents.grantsTo(above, requester.userId, requester.groupIds);
      if (!grants.some((grant) => grant.role === "owner")) {
        throw new Forbidden(
          "Only an owner of the page above can move this page away from its owners.",
        );
      }
    }
  }

  /** A copy of one document (not its sub-pages) beside it, content included. */
  async duplicate(requester: Requester, id: string): Promise<ResolvedDocument> {
    const { document } = await this.#access.require(id, requester, "read");
    const parent = document.parent_id
      ? (await this.#access.require(document.parent_id, requester, "createChild")).document
      : null;
    return this.#copy(requester, document, parent, `${document.title} (copy)`.trim());
  }

  /** A new root document with a template's content. */
  async fromTemplate(requester: Requester, templateId: string, title?: string) {
    const { document } = await this.#access.require(templateId, requester, "read");
    if (document.is_template !== 1) throw new InvalidRequest("this document is not a template");
    return this.#copy(requester, document, null, title ?? document.title);
  }

  async setTemplate(requester: Requester, id: string, isTemplate: boolean) {
    await this.#access.require(id, requester, "share");
    await this.#tree.setTemplate(id, isTemplate);
    return this.#access.resolve(id, requester);
  }

  templates(requester: Requester): Promise<DocumentRow[]> {
    return this.#tree.templatesFor(requester.userId, requester.groupIds);
  }

  async trash(requester: Requester, id: string): Promise<void> {
    const { document } = await this.#access.require(id, requester, "trash");
    await this.#tree.trash(document, Date.now());
    // Open connections to it and below it are closed: there is nothing to edit any more.
    await this.#watcher.changed(document.id);
  }

  async restore(requester: Requester, id: string): Promise<ResolvedDocument> {
    const { document, abilities } = await this.#access.resolveTrashed(id, requester);
    if (!abilities.trash) throw new Forbidden("Only an owner can restore this document.");
    if ((document.deleted_at ?? 0) < Date.now() - TRASH_DAYS * DAY) {
      throw new Conflict("this document has been in the trash too long to be restored");
    }
    const parent = document.parent_id ? await this.#documents.byId(document.parent_id) : null;
    if (parent?.deleted_at) throw new Conflict("restore the page above it first");
    await this.#tree.restore(document);
    return this.#access.resolve(id, requester);
  }

  /** What the requester put in the trash (or could have) in the last 30 days. */
  async trashOf(requester: Requester): Promise<DocumentRow[]> {
    const candidates = await this.#tree.trashedSince(Date.now() - TRASH_DAYS * DAY);
    const owned: DocumentRow[] = [];
    for (const document of candidates) {
      if ((await this.#access.roleOn(document, requester)) === "owner") owned.push(document);
    }
    return owned;
  }

  purgeExpired(): Promise<number> {
    return this.#tree.purge(Date.now() - TRASH_DAYS * DAY);
  }

  async setFavourite(requester: Requester, id: string, favourite: boolean): Promise<void> {
    await this.#access.require(id, requester, "read");
    await this.#tree.setFavourite(requester.userId, id, favourite);
  }

  async favourites(requester: Requester): Promise<DocumentRow[]> {
    const rows = await this.#tree.favouritesOf(requester.userId);
    // A favourite whose access was taken away since is not shown.
    const readable: DocumentRow[] = [];
    for (const row of rows) if (await this.#access.roleOn(row, requester)) readable.push(row);
    return readable;
  }

  async #copy(
    requester: Requester,
    source: DocumentRow,
    parent: DocumentRow | null,
    title: string,
  ) {
    // A copy inherits the owners of the page it sits under; where that tree has none left
    // (their accounts are gone), whoever made the copy owns it, as they would a new page.
    const ownerless = !parent || (await this.#tree.ownersOn(chainOf(parent))).length === 0;
    const created = await this.#documents.insert({
      parent,
      title,
      creatorId: requester.userId,
      ownerRole: ownerless ? "owner" : undefined,
    });
    try {
      if (source.icon) await this.#documents.update(created.id, { icon: source.icon });
      await this.#edits.apply(created.id, await this.#log.stateOf(source.id));
    } catch (error) {
      // No empty copy left behind when the content could not be copied.
      await this.#documents.remove(created.id);
      throw error;
    }
    return this.#access.resolve(created.id, requester);
  }
}
