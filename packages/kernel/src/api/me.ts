import type { FastifyInstance } from "fastify";
import { presentUser } from "../accounts/AccountService.js";
import type { Authenticator } from "../http/Authenticator.js";

export function registerMeRoutes(app: FastifyInstance, deps: { auth: Authenticator }) {
  /** GET /api/v1/me — the signed-in user, by session cookie or personal access token. */
  app.get("/api/v1/me", async (request) => {
    const { user } = await deps.auth.require(request);
    return presentUser(user);
  });
}
