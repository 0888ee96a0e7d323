import { signedInSecurity } from "@tandem/accounts";
import { type ModuleClaims, RestApi } from "@tandem/kernel";
import type { FastifyInstance } from "fastify";
import { IDENTITY_OPENAPI } from "../wire/index.js";

/** Where identity's OpenAPI description lies: a path of its own under the shared base. */
export const IDENTITY_API_PATHS_PREFIX = "/api/v1/identity";

/**
 * Identity's REST API: the admin API, consent, the account's apps and sign-in discovery. It
 * shares /api/v1 with accounts' routes, so its OpenAPI document has a path of its own
 * (/api/v1/identity/openapi.json) beside accounts' /api/v1/openapi.json.
 */
export function createIdentityApi(http: FastifyInstance, claims: ModuleClaims): RestApi {
  return new RestApi(http, {
    base: "/api/v1",
    title: "Tandem Identity API",
    claims,
    descriptionPath: IDENTITY_OPENAPI,
    security: signedInSecurity("A personal access token (the admin API: with the `admin` scope)"),
  });
}
