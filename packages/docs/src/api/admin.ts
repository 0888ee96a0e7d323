import type { Authenticator } from "@tandem/accounts";
import { parseInput, z } from "@tandem/kernel";
import type { FastifyInstance } from "fastify";
import type { Ownerless } from "../documents/Ownerless.js";
import { DOCS_API } from "./documents.js";

const Params = z.object({ id: z.string().uuid() });
export const Recover = z
  .object({
    /** The account that becomes the owner; the administrator asking when left out. */
    email: z.string().min(1).max(320).optional(),
  })
  .strict();

/** The instance administrators' side of docs: documents nobody owns any more. */
export function registerAdminRoutes(
  http: FastifyInstance,
  deps: { auth: Authenticator; ownerless: Ownerless },
) {
  /** GET /admin/orphans — root documents without an owner who can act (administrators only). */
  http.get(`${DOCS_API}/admin/orphans`, async (request) => {
    const { user } = await deps.auth.requireAdmin(request);
    const rows = await deps.ownerless.list(user);
    return {
      documents: rows.map((row) => ({
        id: row.id,
        title: row.title,
        creatorId: row.creator_id,
        createdAt: row.created_at,
        updatedAt: row.updated_at,
        deletedAt: row.deleted_at,
      })),
    };
  });

  /** POST /admin/orphans/:id/recover — gives the document an owner again (audited). */
  http.post(`${DOCS_API}/admin/orphans/:id/recover`, async (request) => {
    const { user } = await deps.auth.requireAdmin(request);
    const { id } = parseInput(Params, request.params);
    const { email } = parseInput(Recover, request.body ?? {});
    const owner = await deps.ownerless.recover(user, id, email);
    return { id, owner: { id: owner.id, email: owner.email } };
  });
}
