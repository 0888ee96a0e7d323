import { text } from "@tandem/kernel/wire";
import { z } from "zod";
import { Abilities } from "./abilities.js";
import { LINK_REACHES, LINK_ROLES, ROLES } from "./enums.js";

/** Where the docs API lives. */
export const DOCS_API = "/api/docs/v1";

export const Id = z.string().min(1).max(64);
export const DocumentParams = z.object({ id: Id });
const Title = text(z.string().max(300));

/** POST /documents */
export const CreateDocument = z
  .object({ title: Title.optional(), parentId: z.string().max(64).optional() })
  .strict();
/** PATCH /documents/:id */
export const UpdateDocument = z
  .object({
    title: Title.optional(),
    icon: text(z.string().max(16)).nullable().optional(),
    linkReach: z.enum(LINK_REACHES).optional(),
    linkRole: z.enum(LINK_ROLES).optional(),
  })
  .strict();

/** A document as lists return it: no role, since lists do not resolve permissions. */
export const DocumentSummary = z.object({
  id: z.string(),
  parentId: z.string().nullable(),
  title: z.string(),
  icon: z.string().nullable(),
  linkReach: z.enum(LINK_REACHES),
  linkRole: z.enum(LINK_ROLES),
  isTemplate: z.boolean(),
  createdAt: z.number(),
  updatedAt: z.number(),
});
export type DocumentSummary = z.infer<typeof DocumentSummary>;

/** One document with the requester's role (null: none) and what it allows. */
export const ResolvedDocument = DocumentSummary.extend({
  role: z.enum(ROLES).nullable(),
  abilities: Abilities,
});
export type ResolvedDocument = z.infer<typeof ResolvedDocument>;

export const DocumentList = z.object({ documents: z.array(DocumentSummary) });
/** GET /trash: each document with the time it went there. */
export const TrashList = z.object({
  documents: z.array(DocumentSummary.extend({ deletedAt: z.number().nullable() })),
});

/** POST /documents/:id/move: under another document, or to the top with `null`. */
export const MoveDocument = z.object({ parentId: z.string().max(64).nullable() }).strict();
/** POST /from-template */
export const FromTemplate = z
  .object({ templateId: Id, title: text(z.string().max(300)).optional() })
  .strict();
/** PUT /documents/:id/template */
export const SetTemplate = z.object({ isTemplate: z.boolean() }).strict();
