import type { FastifyInstance } from "fastify";
import type { AccountDirectory } from "../accounts/AccountDirectory.js";
import { presentUser } from "../accounts/AccountService.js";
import type { Authenticator } from "../http/Authenticator.js";

export function registerMeRoutes(
  app: FastifyInstance,
  deps: { auth: Authenticator; directory: AccountDirectory },
) {
  /**
   * GET /api/v1/me — the signed-in user (session cookie, personal access token or an app's
   * access token), with the organisation and groups other modules decide access by.
   */
  app.get("/api/v1/me", async (request) => {
    const { user } = await deps.auth.require(request);
    return { ...presentUser(user), ...(await deps.directory.describe(user.id)) };
  });
}
