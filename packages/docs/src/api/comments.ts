import type { Authenticator } from "@tandem/accounts";
import { parseInput, z } from "@tandem/kernel";
import type { FastifyInstance } from "fastify";
import type { CommentService } from "../comments/CommentService.js";
import type { DocumentAccess } from "../permissions/DocumentAccess.js";
import { DOCS_API } from "./documents.js";
import { requesterOf } from "./requester.js";

const Id = z.string().min(1).max(64);
const Params = z.object({ id: Id });
const Thread = Params.extend({ threadId: Id });
const Comment = Thread.extend({ commentId: Id });
const Reaction = Comment.extend({ emoji: z.string().min(1).max(32) });
// A comment body is BlockNote blocks (JSON); bounded in size, its shape is BlockNote's concern.
const Body = z.unknown().refine((value) => JSON.stringify(value ?? null).length <= 100_000, {
  message: "comment too long",
});
export const NewThread = z.object({
  initialComment: z.object({ body: Body, metadata: z.unknown().optional() }),
  metadata: z.unknown().optional(),
});
export const NewComment = z.object({
  comment: z.object({ body: Body, metadata: z.unknown().optional() }),
});
export const Anchor = z.object({
  selection: z.object({
    prosemirror: z.object({ head: z.number().int(), anchor: z.number().int() }).optional(),
    yjs: z.object({ head: z.unknown(), anchor: z.unknown() }).optional(),
  }),
});
const Soft = z.object({ soft: z.enum(["true", "false"]).default("false") });
export const Emoji = z.object({ emoji: z.string().min(1).max(32) });

/**
 * Comment threads under /documents/:id/threads, in the shape BlockNote's RESTYjsThreadStore
 * calls, so the editor's comments work for commenters whose socket is read-only.
 */
export function registerCommentRoutes(
  http: FastifyInstance,
  deps: { auth: Authenticator; access: DocumentAccess; comments: CommentService },
) {
  const base = `${DOCS_API}/documents/:id/threads`;
  const route = <P extends z.ZodType>(
    method: "POST" | "PUT" | "DELETE",
    url: string,
    params: P,
    handle: (input: {
      params: z.output<P>;
      body: unknown;
      query: unknown;
    }) => Parameters<CommentService["run"]>[2],
  ) =>
    http.route({
      method,
      url,
      handler: async (request) => {
        const requester = await requesterOf(deps, request);
        const parsed = parseInput(params, request.params) as z.output<P> & {
          id: string;
          threadId?: string;
        };
        return deps.comments.run(
          requester,
          parsed.id,
          handle({ params: parsed, body: request.body, query: request.query }),
          parsed.threadId,
        );
      },
    });

  route("POST", base, Params, ({ body }) => {
    const input = parseInput(NewThread, body);
    return (store) => store.createThread(input as Parameters<typeof store.createThread>[0]);
  });
  route("POST", `${base}/:threadId/comments`, Thread, ({ params, body }) => {
    const { comment } = parseInput(NewComment, body);
    return (store) =>
      store.addComment({ threadId: params.threadId, comment } as Parameters<
        typeof store.addComment
      >[0]);
  });
  route("PUT", `${base}/:threadId/comments/:commentId`, Comment, ({ params, body }) => {
    const { comment } = parseInput(NewComment, body);
    return (store) =>
      store.updateComment({ ...params, comment } as Parameters<typeof store.updateComment>[0]);
  });
  route("DELETE", `${base}/:threadId/comments/:commentId`, Comment, ({ params, query }) => {
    const { soft } = parseInput(Soft, query);
    return (store) => store.deleteComment({ ...params, softDelete: soft === "true" });
  });
  route(
    "DELETE",
    `${base}/:threadId`,
    Thread,
    ({ params }) =>
      (store) =>
        store.deleteThread({ threadId: params.threadId }),
  );
  route(
    "POST",
    `${base}/:threadId/resolve`,
    Thread,
    ({ params }) =>
      (store) =>
        store.resolveThread({ threadId: params.threadId }),
  );
  route(
    "POST",
    `${base}/:threadId/unresolve`,
    Thread,
    ({ params }) =>
      (store) =>
        store.unresolveThread({ threadId: params.threadId }),
  );
  route("POST", `${base}/:threadId/comments/:commentId/reactions`, Comment, ({ params, body }) => {
    const { emoji } = parseInput(Emoji, body);
    return (store) => store.addReaction({ ...params, emoji });
  });
  route(
    "DELETE",
    `${base}/:threadId/comments/:commentId/reactions/:emoji`,
    Reaction,
    ({ params }) =>
      (store) =>
        store.deleteReaction(params),
  );

  /** POST …/threads/:threadId/addToDocument — anchors the thread to the selected text. */
  http.post(`${base}/:threadId/addToDocument`, async (request) => {
    const requester = await requesterOf(deps, request);
    const { id, threadId } = parseInput(Thread, request.params);
    const { selection } = parseInput(Anchor, request.body);
    return deps.comments.anchor(requester, id, threadId, selection);
  });
}
