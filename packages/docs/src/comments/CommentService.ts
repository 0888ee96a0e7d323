import type { YjsThreadStore } from "@blocknote/core/comments";
import { Conflict, Forbidden, InvalidRequest, NotFound, type TandemError } from "@tandem/kernel";
import * as Y from "yjs";
import type { ServerEdits } from "../collab/ServerEdits.js";
import { THREADS } from "../convert/blocks.js";
import { type Requester, rank } from "../permissions/abilities.js";
import type { DocumentAccess } from "../permissions/DocumentAccess.js";
import type { UpdateLog } from "../storage/UpdateLog.js";
// Type only: anchor.ts brings ProseMirror and y-prosemirror, loaded at the first anchoring.
import type { Selection } from "./anchor.js";

export type ThreadOperation = (store: YjsThreadStore) => Promise<unknown>;

/**
 * BlockNote's thread store refuses with plain errors: these messages are the refusals a
 * request can cause. Any other error is a fault, left to the REST mapper (a logged 500
 * with a generic message), so that no internal text reaches a client.
 */
const REFUSALS: Record<string, () => TandemError> = {
  "Thread not found": () => new NotFound("No such thread."),
  "Comment not found": () => new NotFound("No such comment."),
  "Not authorized": () => new Forbidden("You may not change this comment."),
  "Comment already deleted": () => new Conflict("This comment is already deleted."),
};

/**
 * Comment threads, kept in the document's Yjs "threads" map as BlockNote's thread stores
 * read them, so every editor sees them live. Readers' connections are read-only, so
 * commenters write through here: the operation runs against the stored content with
 * BlockNote's own rules (who may edit, resolve or delete what), and its change is stored
 * and relayed like any other edit.
 */
export class CommentService {
  readonly #access: DocumentAccess;
  readonly #log: UpdateLog;
  readonly #edits: ServerEdits;

  constructor(deps: { access: DocumentAccess; log: UpdateLog; edits: ServerEdits }) {
    this.#access = deps.access;
    this.#log = deps.log;
    this.#edits = deps.edits;
  }

  /**
   * Runs one thread store operation for the requester (commenters and above); with
   * `threadId`, on that thread, which must exist (BlockNote's `deleteThread` does not check).
   */
  async run(
    requester: Requester | null,
    id: string,
    operation: ThreadOperation,
    threadId?: string,
  ): Promise<unknown> {
    const { role } = await this.#access.require(id, requester, "comment");
    if (!requester) throw new Forbidden("Sign in to comment.");
    const doc = new Y.Doc();
    Y.applyUpdate(doc, await this.#log.stateOf(id));
    if (threadId !== undefined && !(doc.getMap(THREADS).get(threadId) instanceof Y.Map)) {
      throw new NotFound("No such thread.");
    }
    const before = Y.encodeStateVector(doc);
    // BlockNote's comments code is loaded on first use (see convert/blocks.ts).
    const { DefaultThreadStoreAuth, YjsThreadStore } = await import("@blocknote/core/comments");
    const auth = new DefaultThreadStoreAuth(
      requester.userId,
      rank(role) >= rank("editor") ? "editor" : "comment",
    );
    const store = new YjsThreadStore(requester.userId, doc.getMap(THREADS), auth);
    let result: unknown;
    try {
      result = await operation(store);
    } catch (error) {
      const refusal = error instanceof Error ? REFUSALS[error.message] : undefined;
      throw refusal ? refusal() : error;
    }
    const update = Y.encodeStateAsUpdate(doc, before);
    await this.#edits.apply(id, update);
    return result ?? {};
  }

  /** Marks the commented text with the thread (what an editor's client would do itself). */
  async anchor(requester: Requester | null, id: string, threadId: string, selection: Selection) {
    await this.#access.require(id, requester, "comment");
    const state = await this.#log.stateOf(id);
    const threads = new Y.Doc();
    Y.applyUpdate(threads, state);
    if (!(threads.getMap(THREADS).get(threadId) instanceof Y.Map)) {
      throw new NotFound("No such thread.");
    }
    const { anchorUpdate, UnanchorableSelection } = await import("./anchor.js");
    let update: Uint8Array;
    try {
      update = await anchorUpdate(state, threadId, selection);
    } catch (error) {
      if (error instanceof UnanchorableSelection) throw new InvalidRequest(error.message);
      throw error;
    }
    await this.#edits.apply(id, update);
    return {};
  }
}
