import type { FastifyInstance } from "fastify";
import { notFound } from "../../scim/errors.js";
import { MAX_RESULTS } from "../../scim/listQuery.js";
import { listResponse } from "../../scim/presenters.js";
import { schemaDefinitions } from "../../scim/schemaDefinitions.js";
import {
  ENTERPRISE_USER_SCHEMA,
  GROUP_SCHEMA,
  RESOURCE_TYPE_SCHEMA,
  SERVICE_PROVIDER_CONFIG_SCHEMA,
  USER_SCHEMA,
} from "../../scim/urns.js";

/** What a SCIM client reads to learn what this provider supports (RFC 7644 §4). */
export function registerDiscoveryRoutes(scope: FastifyInstance, base: string) {
  const resourceTypes = [
    {
      schemas: [RESOURCE_TYPE_SCHEMA],
      id: "User",
      name: "User",
      endpoint: "/Users",
      description: "Tandem accounts",
      schema: USER_SCHEMA,
      schemaExtensions: [{ schema: ENTERPRISE_USER_SCHEMA, required: false }],
      meta: { resourceType: "ResourceType", location: `${base}/ResourceTypes/User` },
    },
    {
      schemas: [RESOURCE_TYPE_SCHEMA],
      id: "Group",
      name: "Group",
      endpoint: "/Groups",
      description: "Groups of Tandem accounts",
      schema: GROUP_SCHEMA,
      meta: { resourceType: "ResourceType", location: `${base}/ResourceTypes/Group` },
    },
  ];
  const schemas = schemaDefinitions(base);

  /** GET /scim/v2/ServiceProviderConfig — the features this provider supports. */
  scope.get("/ServiceProviderConfig", async () => ({
    schemas: [SERVICE_PROVIDER_CONFIG_SCHEMA],
    patch: { supported: true },
    bulk: { supported: false, maxOperations: 0, maxPayloadSize: 0 },
    filter: { supported: true, maxResults: MAX_RESULTS },
    changePassword: { supported: false },
    sort: { supported: true },
    etag: { supported: false },
    authenticationSchemes: [
      {
        type: "oauthbearertoken",
        name: "Personal access token",
        description:
          "An administrator's Tandem personal access token (tdm_pat_…), sent as `Authorization: Bearer`.",
        primary: true,
      },
    ],
    meta: {
      resourceType: "ServiceProviderConfig",
      location: `${base}/ServiceProviderConfig`,
    },
  }));

  /** GET /scim/v2/ResourceTypes — User and Group. */
  scope.get("/ResourceTypes", async () => listResponse(resourceTypes, resourceTypes.length, 1));

  /** GET /scim/v2/ResourceTypes/:id — one resource type. */
  scope.get<{ Params: { id: string } }>("/ResourceTypes/:id", async (request) => {
    const found = resourceTypes.find((t) => t.id.toLowerCase() === request.params.id.toLowerCase());
    if (!found) throw notFound(`no resource type ${request.params.id}`);
    return found;
  });

  /** GET /scim/v2/Schemas — the User, Group and enterprise User schemas. */
  scope.get("/Schemas", async () => listResponse(schemas, schemas.length, 1));

  /** GET /scim/v2/Schemas/:id — one schema, by URN. */
  scope.get<{ Params: { id: string } }>("/Schemas/:id", async (request) => {
    const found = schemas.find((s) => s.id.toLowerCase() === request.params.id.toLowerCase());
    if (!found) throw notFound(`no schema ${request.params.id}`);
    return found;
  });
}
