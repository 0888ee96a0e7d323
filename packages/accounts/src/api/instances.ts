import type { InstanceRegistry } from "@tandem/kernel";
import type { FastifyInstance } from "fastify";
import type { Authenticator } from "../http/Authenticator.js";

export function registerInstanceRoutes(
  app: FastifyInstance,
  deps: { auth: Authenticator; instances: InstanceRegistry },
) {
  /** GET /api/v1/admin/instances — the instances of this deployment (administrators only). */
  app.get("/api/v1/admin/instances", async (request) => {
    await deps.auth.requireAdmin(request);
    return { self: deps.instances.self.id, instances: deps.instances.list() };
  });
}
