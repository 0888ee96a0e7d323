import { z } from "zod";
import { DocumentParams, Id } from "./documents.js";
import { ROLES } from "./enums.js";

export const AccessParams = DocumentParams.extend({ accessId: Id });
export const InvitationParams = DocumentParams.extend({ invitationId: Id });
export const RequestParams = DocumentParams.extend({ requestId: Id });

/** POST /documents/:id/accesses: a role for an account (by e-mail) or a group. */
export const GrantAccess = z
  .object({
    email: z.string().max(320).optional(),
    groupId: z.string().max(64).optional(),
    role: z.enum(ROLES),
  })
  .strict()
  .refine((input) => !!input.email !== !!input.groupId, {
    message: "give either an email or a groupId",
  });
/** POST /documents/:id/access-requests */
export const AskAccess = z.object({ role: z.enum(ROLES).default("reader") }).strict();
/** POST …/access-requests/:requestId/accept: the role asked for, unless another is given. */
export const AcceptRequest = z.object({ role: z.enum(ROLES).optional() }).strict();

/** Someone's role on a document: an account or a group. */
export const Access = z.object({
  id: z.string(),
  userId: z.string().nullable(),
  /** Null for members who may not share (they see names only) and for groups. */
  email: z.string().nullable(),
  name: z.string().nullable(),
  groupId: z.string().nullable(),
  role: z.enum(ROLES),
  createdAt: z.number(),
});
export type Access = z.infer<typeof Access>;

/** A role offered to an e-mail with no account yet. */
export const Invitation = z.object({
  id: z.string(),
  email: z.string(),
  role: z.enum(ROLES),
  createdAt: z.number(),
});
export const AccessList = z.object({
  accesses: z.array(Access),
  invitations: z.array(Invitation),
});

export const AccessRequest = z.object({
  id: z.string(),
  userId: z.string(),
  role: z.enum(ROLES),
  createdAt: z.number(),
});
export const AccessRequestList = z.object({ requests: z.array(AccessRequest) });
