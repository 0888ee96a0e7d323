import type { FastifyInstance, FastifyRequest } from "fastify";
import { parseProjection } from "../../scim/listQuery.js";
import { USER_TYPE, type UserProvisioner } from "../../scim/UserProvisioner.js";

type WithId = { Params: { id: string } };

/** The `/Users` endpoint (RFC 7644 §3.2–3.6): thin routes over the UserProvisioner. */
export function registerUserRoutes(
  scope: FastifyInstance,
  deps: {
    users: UserProvisioner;
    /** The SCIM base URL, for the Location of a new account. */
    base: string;
    actorOf(request: FastifyRequest): Promise<string>;
  },
) {
  const { users } = deps;
  const present = (request: FastifyRequest, id: string) =>
    users.get(id, parseProjection(request.query, USER_TYPE));

  /** GET /scim/v2/Users — a page of accounts, filtered and sorted (deprovisioned ones never). */
  scope.get("/Users", async (request) => users.list(request.query));

  /** GET /scim/v2/Users/:id — one account. */
  scope.get<WithId>("/Users/:id", async (request) => present(request, request.params.id));

  /** POST /scim/v2/Users — provisions an account (or a deprovisioned one again); 201. */
  scope.post("/Users", async (request, reply) => {
    const id = await users.create(request.body);
    const resource = await present(request, id);
    return reply.status(201).header("location", `${deps.base}/Users/${id}`).send(resource);
  });

  /** PUT /scim/v2/Users/:id — replaces the account's attributes. */
  scope.put<WithId>("/Users/:id", async (request) => {
    await users.replace(request.params.id, request.body, await deps.actorOf(request));
    return present(request, request.params.id);
  });

  /** PATCH /scim/v2/Users/:id — PatchOp add, remove, replace; `active: false` ends every session. */
  scope.patch<WithId>("/Users/:id", async (request) => {
    await users.patch(request.params.id, request.body, await deps.actorOf(request));
    return present(request, request.params.id);
  });

  /** DELETE /scim/v2/Users/:id — deactivates and deprovisions the account; 204. */
  scope.delete<WithId>("/Users/:id", async (request, reply) => {
    await users.deprovision(request.params.id, await deps.actorOf(request));
    return reply.status(204).send();
  });
}
