import { signedInSecurity } from "@tandem/accounts";
import { type ModuleClaims, RestApi } from "@tandem/kernel";
import type { FastifyInstance } from "fastify";
import { DOCS_API } from "../wire/index.js";

/**
 * The docs API: each route is declared once on it (RestApi), which registers it and describes
 * it in the OpenAPI document served at /api/docs/v1/openapi.json.
 */
export function createDocsApi(http: FastifyInstance, claims: ModuleClaims): RestApi {
  return new RestApi(http, {
    base: DOCS_API,
    title: "Tandem Docs API",
    claims,
    security: signedInSecurity(),
  });
}
