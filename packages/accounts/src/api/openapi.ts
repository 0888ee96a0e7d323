import { type ModuleClaims, RestApi } from "@tandem/kernel";
import type { FastifyInstance } from "fastify";

/** Tandem's own API base: accounts' routes, identity's and the server's share it. */
export const ACCOUNTS_API = "/api/v1";

/**
 * The accounts API: signing in and out, the user's account, second factors, the audit log.
 * Each route is declared once on it (RestApi), which registers it and describes it in the
 * OpenAPI document at /api/v1/openapi.json. The base is shared: identity and the server
 * declare their own routes under /api/v1 on RestApis of their own, each describing its routes
 * at its own path.
 */
export function createAccountsApi(http: FastifyInstance, claims: ModuleClaims): RestApi {
  return new RestApi(http, {
    base: ACCOUNTS_API,
    title: "Tandem Accounts API",
    claims,
    security: {
      bearer: {
        type: "http",
        scheme: "bearer",
        description: "A personal access token or an app's access token with the `api` scope",
      },
      session: { type: "apiKey", in: "cookie", name: "tandem_session" },
    },
  });
}
