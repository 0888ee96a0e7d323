import type { Authenticator } from "@tandem/accounts";
import type { RestApi } from "@tandem/kernel";
import type { CommentService, ThreadOperation } from "../comments/CommentService.js";
import type { DocumentAccess } from "../permissions/DocumentAccess.js";
import {
  Anchor,
  CommentParams,
  DocumentParams,
  Emoji,
  NewComment,
  NewThread,
  ReactionParams,
  SoftDelete,
  ThreadParams,
  ThreadStoreAnswer,
} from "../wire/index.js";
import { member } from "./requester.js";

type Store = Parameters<ThreadOperation>[0];

/**
 * Comment threads under /documents/:id/threads, in the shape BlockNote's RESTYjsThreadStore
 * calls, so the editor's comments work for commenters whose socket is read-only.
 */
export function registerCommentRoutes(
  api: RestApi,
  deps: { auth: Authenticator; access: DocumentAccess; comments: CommentService },
) {
  const base = "/documents/:id/threads";
  const who = member(deps);
  const answers = { 200: ThreadStoreAnswer };
  /** Runs a thread-store operation on the document (and the thread, when the path names one). */
  const run = (
    requester: Parameters<CommentService["run"]>[0],
    params: { id: string; threadId?: string },
    operation: ThreadOperation,
  ) => deps.comments.run(requester, params.id, operation, params.threadId);

  api.route({
    method: "POST",
    path: base,
    summary: "Open a comment thread",
    who,
    params: DocumentParams,
    body: NewThread,
    responses: answers,
    handler: ({ who, params, body }) =>
      run(who, params, (store) => store.createThread(body as Parameters<Store["createThread"]>[0])),
  });

  api.route({
    method: "POST",
    path: `${base}/:threadId/comments`,
    summary: "Reply",
    who,
    params: ThreadParams,
    body: NewComment,
    responses: answers,
    handler: ({ who, params, body }) =>
      run(who, params, (store) =>
        store.addComment({ threadId: params.threadId, comment: body.comment } as Parameters<
          Store["addComment"]
        >[0]),
      ),
  });

  api.route({
    method: "PUT",
    path: `${base}/:threadId/comments/:commentId`,
    summary: "Edit a comment",
    who,
    params: CommentParams,
    body: NewComment,
    responses: answers,
    handler: ({ who, params, body }) =>
      run(who, params, (store) =>
        store.updateComment({ ...params, comment: body.comment } as Parameters<
          Store["updateComment"]
        >[0]),
      ),
  });

  api.route({
    method: "DELETE",
    path: `${base}/:threadId/comments/:commentId`,
    summary: "Delete a comment (`soft=true` leaves a placeholder)",
    who,
    params: CommentParams,
    query: SoftDelete,
    responses: answers,
    handler: ({ who, params, query }) =>
      run(who, params, (store) =>
        store.deleteComment({ ...params, softDelete: query.soft === "true" }),
      ),
  });

  for (const [method, path, summary, operation] of [
    ["DELETE", "", "Delete a thread", "deleteThread"],
    ["POST", "/resolve", "Resolve a thread", "resolveThread"],
    ["POST", "/unresolve", "Reopen a thread", "unresolveThread"],
  ] as const) {
    api.route({
      method,
      path: `${base}/:threadId${path}`,
      summary,
      who,
      params: ThreadParams,
      responses: answers,
      handler: ({ who, params }) =>
        run(who, params, (store) => store[operation]({ threadId: params.threadId })),
    });
  }

  api.route({
    method: "POST",
    path: `${base}/:threadId/comments/:commentId/reactions`,
    summary: "React",
    who,
    params: CommentParams,
    body: Emoji,
    responses: answers,
    handler: ({ who, params, body }) =>
      run(who, params, (store) => store.addReaction({ ...params, emoji: body.emoji })),
  });

  api.route({
    method: "DELETE",
    path: `${base}/:threadId/comments/:commentId/reactions/:emoji`,
    summary: "Remove a reaction",
    who,
    params: ReactionParams,
    responses: answers,
    handler: ({ who, params }) => run(who, params, (store) => store.deleteReaction(params)),
  });

  api.route({
    method: "POST",
    path: `${base}/:threadId/addToDocument`,
    summary: "Anchor the thread to the selected text",
    who,
    params: ThreadParams,
    body: Anchor,
    responses: answers,
    handler: ({ who, params, body }) =>
      deps.comments.anchor(who, params.id, params.threadId, body.selection),
  });
}
