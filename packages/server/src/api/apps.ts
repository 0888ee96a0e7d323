import type { AccountsModule, Authenticator } from "@tandem/accounts";
import type { FastifyInstance } from "fastify";

export function registerAppRoutes(
  http: FastifyInstance,
  deps: { auth: Authenticator; modules: AccountsModule[] },
) {
  const apps = deps.modules.flatMap((m) => (m.app ? [m.app] : []));
  /** GET /api/v1/apps — the apps of this deployment, for the web app's switcher. */
  http.get("/api/v1/apps", async (request) => {
    await deps.auth.require(request);
    return { apps };
  });
}
