import type { Authenticator } from "@tandem/accounts";
import type { RestApi } from "@tandem/kernel";
import type { Ownerless } from "../documents/Ownerless.js";
import { OrphanList, OrphanParams, Recovered, RecoverOrphan } from "../wire/index.js";

/** The instance administrators' side of docs: documents nobody owns any more. */
export function registerAdminRoutes(
  api: RestApi,
  deps: { auth: Authenticator; ownerless: Ownerless },
) {
  const admin = async (request: Parameters<Authenticator["requireAdmin"]>[0]) =>
    (await deps.auth.requireAdmin(request)).user;

  api.route({
    method: "GET",
    path: "/admin/orphans",
    summary: "Root documents without an owner who can act (instance administrators)",
    who: admin,
    responses: { 200: OrphanList },
    handler: async ({ who }) => ({
      documents: (await deps.ownerless.list(who)).map((row) => ({
        id: row.id,
        title: row.title,
        creatorId: row.creator_id,
        createdAt: row.created_at,
        updatedAt: row.updated_at,
        deletedAt: row.deleted_at,
      })),
    }),
  });

  api.route({
    method: "POST",
    path: "/admin/orphans/:id/recover",
    summary: "Give an ownerless document an owner again (instance administrators; audited)",
    who: admin,
    params: OrphanParams,
    body: RecoverOrphan,
    responses: { 200: Recovered },
    handler: async ({ who, params, body }) => {
      const owner = await deps.ownerless.recover(who, params.id, body.email);
      return { id: params.id, owner: { id: owner.id, email: owner.email } };
    },
  });
}
