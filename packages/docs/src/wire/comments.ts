import { z } from "zod";
import { DocumentParams, Id } from "./documents.js";

export const ThreadParams = DocumentParams.extend({ threadId: Id });
export const CommentParams = ThreadParams.extend({ commentId: Id });
export const ReactionParams = CommentParams.extend({ emoji: z.string().min(1).max(32) });

// A comment body is BlockNote blocks (JSON); bounded in size, its shape is BlockNote's concern.
const Body = z.unknown().refine((value) => JSON.stringify(value ?? null).length <= 100_000, {
  message: "comment too long",
});
/** POST /documents/:id/threads */
export const NewThread = z.object({
  initialComment: z.object({ body: Body, metadata: z.unknown().optional() }),
  metadata: z.unknown().optional(),
});
/** POST …/threads/:threadId/comments and PUT …/comments/:commentId */
export const NewComment = z.object({
  comment: z.object({ body: Body, metadata: z.unknown().optional() }),
});
/** POST …/threads/:threadId/addToDocument: the text the thread is about. */
export const Anchor = z.object({
  selection: z.object({
    prosemirror: z.object({ head: z.number().int(), anchor: z.number().int() }).optional(),
    yjs: z.object({ head: z.unknown(), anchor: z.unknown() }).optional(),
  }),
});
/** DELETE …/comments/:commentId?soft=true keeps a "deleted" placeholder. */
export const SoftDelete = z.object({ soft: z.enum(["true", "false"]).default("false") });
/** POST …/comments/:commentId/reactions */
export const Emoji = z.object({ emoji: z.string().min(1).max(32) });

/** What BlockNote's RESTYjsThreadStore gets back: its own thread and comment shapes. */
export const ThreadStoreAnswer = z
  .unknown()
  .describe("BlockNote's thread or comment data, as its RESTYjsThreadStore expects");
