import {
  type CommentData,
  type User as CommentUser,
  DefaultThreadStoreAuth,
  RESTYjsThreadStore,
  type ThreadData,
  ThreadStoreAuth,
} from "@blocknote/core/comments";
import type * as Y from "yjs";
import type { Abilities } from "../api/documents";
import { docPath } from "../api/documents";
import { fetchAccesses } from "../api/sharing";

/** Where the comment threads live in the Yjs document; the server writes the same map. */
export const THREADS = "threads";

/** Readers see the threads and may do nothing with them. */
export class ReadOnlyThreadStoreAuth extends ThreadStoreAuth {
  canCreateThread = () => false;
  canAddComment = (_thread: ThreadData) => false;
  canUpdateComment = (_comment: CommentData) => false;
  canDeleteComment = (_comment: CommentData) => false;
  canDeleteThread = (_thread: ThreadData) => false;
  canResolveThread = (_thread: ThreadData) => false;
  canUnresolveThread = (_thread: ThreadData) => false;
  canAddReaction = (_comment: CommentData) => false;
  canDeleteReaction = (_comment: CommentData) => false;
}

export const threadsUrl = (documentId: string) => `${docPath(documentId)}/threads`;

/**
 * BlockNote's REST store, except that requests without a body send an empty JSON object:
 * the server refuses a JSON content type with nothing after it.
 */
class TandemThreadStore extends RESTYjsThreadStore {
  readonly #base: string;
  constructor(base: string, threads: Y.Map<unknown>, auth: ThreadStoreAuth) {
    super(base, { Accept: "application/json" }, threads, auth);
    this.#base = base;
  }

  async #send(path: string, method: string): Promise<void> {
    const response = await fetch(`${this.#base}${path}`, {
      method,
      credentials: "same-origin",
      headers: { "Content-Type": "application/json", Accept: "application/json" },
      body: "{}",
    });
    if (!response.ok) throw new Error(`Failed to ${method} ${path}: ${response.statusText}`);
  }

  override deleteComment = (options: {
    threadId: string;
    commentId: string;
    softDelete?: boolean;
  }) =>
    this.#send(
      `/${encodeURIComponent(options.threadId)}/comments/${encodeURIComponent(options.commentId)}?soft=${!!options.softDelete}`,
      "DELETE",
    );
  override deleteThread = (options: { threadId: string }) =>
    this.#send(`/${encodeURIComponent(options.threadId)}`, "DELETE");
  override resolveThread = (options: { threadId: string }) =>
    this.#send(`/${encodeURIComponent(options.threadId)}/resolve`, "POST");
  override unresolveThread = (options: { threadId: string }) =>
    this.#send(`/${encodeURIComponent(options.threadId)}/unresolve`, "POST");
  override deleteReaction = (options: { threadId: string; commentId: string; emoji: string }) =>
    this.#send(
      `/${encodeURIComponent(options.threadId)}/comments/${encodeURIComponent(options.commentId)}/reactions/${encodeURIComponent(options.emoji)}`,
      "DELETE",
    );
}

/** Commenters and editors write through the server; everyone else only reads. */
export function createThreadStore(
  doc: Y.Doc,
  documentId: string,
  userId: string,
  abilities: Pick<Abilities, "comment" | "edit">,
): RESTYjsThreadStore {
  const auth = abilities.comment
    ? new DefaultThreadStoreAuth(userId, abilities.edit ? "editor" : "comment")
    : new ReadOnlyThreadStoreAuth();
  return new TandemThreadStore(threadsUrl(documentId), doc.getMap(THREADS), auth);
}

/**
 * Names for comment authors: the document's direct accesses name people; anyone else (a link
 * visitor, someone whose access went) gets the neutral label.
 */
export function userResolver(
  documentId: string,
  self: { id: string; name: string },
  unknownLabel: string,
): (ids: string[]) => Promise<CommentUser[]> {
  let names: Promise<Map<string, string>> | null = null;
  const load = () => {
    names ??= fetchAccesses(documentId).then(
      (accesses) =>
        new Map(
          accesses.flatMap((access) =>
            access.userId ? [[access.userId, access.name ?? access.email ?? unknownLabel]] : [],
          ),
        ),
      () => new Map<string, string>(),
    );
    return names;
  };
  return async (ids) => {
    const known = await load();
    return ids.map((id) => ({
      id,
      username: id === self.id ? self.name : (known.get(id) ?? unknownLabel),
      avatarUrl: "",
    }));
  };
}
