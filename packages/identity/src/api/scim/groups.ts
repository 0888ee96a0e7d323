import type { FastifyInstance, FastifyRequest } from "fastify";
import { GROUP_TYPE, type GroupProvisioner } from "../../scim/GroupProvisioner.js";
import { parseProjection } from "../../scim/listQuery.js";

type WithId = { Params: { id: string } };

/** The `/Groups` endpoint (RFC 7644 §3.2–3.6): thin routes over the GroupProvisioner. */
export function registerGroupRoutes(
  scope: FastifyInstance,
  deps: { groups: GroupProvisioner; base: string },
) {
  const { groups } = deps;
  const present = (request: FastifyRequest, id: string) =>
    groups.get(id, parseProjection(request.query, GROUP_TYPE));

  /** GET /scim/v2/Groups — a page of groups; `excludedAttributes=members` skips reading members. */
  scope.get("/Groups", async (request) => groups.list(request.query));

  /** GET /scim/v2/Groups/:id — one group with its members. */
  scope.get<WithId>("/Groups/:id", async (request) => present(request, request.params.id));

  /** POST /scim/v2/Groups — creates a group with its members; 201. */
  scope.post("/Groups", async (request, reply) => {
    const id = await groups.create(request.body);
    const resource = await present(request, id);
    return reply.status(201).header("location", `${deps.base}/Groups/${id}`).send(resource);
  });

  /** PUT /scim/v2/Groups/:id — replaces name, externalId and the whole membership. */
  scope.put<WithId>("/Groups/:id", async (request) => {
    await groups.replace(request.params.id, request.body);
    return present(request, request.params.id);
  });

  /** PATCH /scim/v2/Groups/:id — PatchOp, e.g. members add/remove, `members[value eq "…"]`. */
  scope.patch<WithId>("/Groups/:id", async (request) => {
    await groups.patch(request.params.id, request.body);
    return present(request, request.params.id);
  });

  /** DELETE /scim/v2/Groups/:id — deletes the group; its members' accounts stay. 204. */
  scope.delete<WithId>("/Groups/:id", async (request, reply) => {
    await groups.delete(request.params.id);
    return reply.status(204).send();
  });
}
