import { Conflict, Forbidden, InvalidRequest } from "@tandem/kernel";
import type { AccessWatcher } from "../collab/AccessWatcher.js";
import type { ServerEdits } from "../collab/ServerEdits.js";
import type { Requester } from "../permissions/abilities.js";
import type { DocumentAccess, ResolvedDocument } from "../permissions/DocumentAccess.js";
import type { UpdateLog } from "../storage/UpdateLog.js";
import { chainOf, type DocumentRow, type DocumentStore } from "./DocumentStore.js";
import type { TreeStore } from "./TreeStore.js";

export const TRASH_DAYS = 30;
const DAY = 86_400_000;

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

  /** Under another document the requester may add to, or at the top (where they own it). */
  async move(requester: Requester, id: string, parentId: string | null): Promise<ResolvedDocument> {
    const { document, abilities } = await this.#access.require(id, requester, "move");
    const parent = parentId
      ? (await this.#access.require(parentId, requester, "createChild")).document
      : null;
    if (parent && chainOf(parent).includes(document.id)) {
      throw new InvalidRequest("a document cannot move below itself");
    }
    await this.#tree.move(document, parent);
    // At the top nothing is inherited any more: whoever moved it keeps their role there.
    if (!parent) {
      const role = abilities.manageOwners ? "owner" : "administrator";
      await this.#documents.grantUser(document.id, requester.userId, role);
    }
    await this.#watcher.changed(document.id);
    return this.#access.resolve(document.id, requester);
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
    const created = await this.#documents.insert({
      parent,
      title,
      creatorId: requester.userId,
      ownerRole: parent ? undefined : "owner",
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
