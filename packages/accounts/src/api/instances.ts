import type { InstanceRegistry, RestApi } from "@tandem/kernel";
import type { Authenticator } from "../http/Authenticator.js";
import { InstanceList } from "../wire/index.js";

export function registerInstanceRoutes(
  api: RestApi,
  deps: { auth: Authenticator; instances: InstanceRegistry },
) {
  /** GET /api/v1/admin/instances — the instances of this deployment (administrators only). */
  api.route({
    method: "GET",
    path: "/admin/instances",
    summary: "The instances of this deployment (administrators only)",
    who: (request) => deps.auth.requireAdmin(request),
    responses: { 200: InstanceList },
    handler: async () => ({ self: deps.instances.self.id, instances: deps.instances.list() }),
  });
}
