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
    security: signedInSecurity(),
  });
}

/**
 * How a module's REST API is reached, for its OpenAPI description: a bearer token (`bearer`
 * says which) or the browser session's cookie, both resolved by the Authenticator.
 */
export function signedInSecurity(
  bearer = "A personal access token or an app's access token with the `api` scope",
): Record<string, unknown> {
  return {
    bearer: { type: "http", scheme: "bearer", description: bearer },
    session: { type: "apiKey", in: "cookie", name: "tandem_session" },
  };
}
