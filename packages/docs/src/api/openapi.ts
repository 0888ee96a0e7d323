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
