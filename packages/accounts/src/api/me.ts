import type { RestApi } from "@tandem/kernel";
import type { AccountDirectory } from "../accounts/AccountDirectory.js";
import { presentUser } from "../accounts/AccountService.js";
import type { Authenticator } from "../http/Authenticator.js";
import { Me } from "../wire/index.js";

export function registerMeRoutes(
  api: RestApi,
  deps: { auth: Authenticator; directory: AccountDirectory },
) {
  /**
   * GET /api/v1/me — the signed-in user (session cookie, personal access token or an app's
   * access token), with the organisation and groups other modules decide access by.
   */
  api.route({
    method: "GET",
    path: "/me",
    summary: "The signed-in user, with their organisation and groups",
    who: (request) => deps.auth.require(request),
    responses: { 200: Me },
    handler: async ({ who: { user } }) => ({
      ...presentUser(user),
      ...(await deps.directory.describe(user.id)),
    }),
  });
}
