import { startTestServer, type TestServer } from "@tandem/testkit";
import { afterAll, beforeAll, expect, test } from "vitest";
import { IDENTITY_OPENAPI } from "../src/wire/index.js";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server?.close());

/** Identity's REST routes; accounts' routes share /api/v1 but are described in their own document. */
const IDENTITY_ROUTES = [
  "GET /admin/users",
  "POST /admin/users",
  "POST /admin/users/{userId}/disable",
  "GET /admin/organisations",
  "POST /admin/organisations",
  "PATCH /admin/organisations/{organisationId}",
  "GET /admin/clients",
  "POST /admin/clients",
  "DELETE /admin/clients/{clientId}",
  "GET /admin/upstreams",
  "POST /admin/upstreams",
  "DELETE /admin/upstreams/{upstreamId}",
  "GET /consent/{uid}",
  "POST /consent/{uid}",
  "GET /account/apps",
  "DELETE /account/apps/{clientId}",
  "GET /auth/discover",
];

interface OperationShape {
  responses: Record<string, { content?: Record<string, { schema?: unknown }> }>;
}

test("identity's OpenAPI document describes each of its routes with its answers", async () => {
  const response = await fetch(`${server.url}${IDENTITY_OPENAPI}`);
  expect(response.status).toBe(200);
  const document = await response.json();
  expect(document).toMatchObject({
    openapi: "3.1.0",
    info: { title: "Tandem Identity API" },
    servers: [{ url: "/api/v1" }],
  });

  const documented: string[] = [];
  for (const [path, methods] of Object.entries(document.paths as Record<string, object>)) {
    for (const [method, operation] of Object.entries(methods as Record<string, OperationShape>)) {
      documented.push(`${method.toUpperCase()} ${path}`);
      // Documented means served.
      const url = `/api/v1${path.replace(/\{(\w+)\}/g, ":$1")}`;
      expect(server.tandem.http.hasRoute({ method: method.toUpperCase() as "GET", url }), url).toBe(
        true,
      );
      const success = Object.entries(operation.responses).filter(([status]) =>
        status.startsWith("2"),
      );
      expect(success, `${method} ${path}`).toHaveLength(1);
      const [status, answer] = success[0] ?? [];
      if (status !== "204") {
        expect(Object.values(answer?.content ?? {})[0]?.schema, `${method} ${path}`).toBeDefined();
      }
    }
  }
  expect(documented.sort()).toEqual([...IDENTITY_ROUTES].sort());

  // Input and answers are described by their schemas.
  const discover = document.paths["/auth/discover"].get;
  expect(discover.parameters).toContainEqual(
    expect.objectContaining({ name: "email", in: "query", required: true }),
  );
  expect(discover.responses["200"].content["application/json"].schema.oneOf).toHaveLength(2);
  expect(
    document.paths["/admin/users"].get.responses["200"].content["application/json"].schema,
  ).toMatchObject({
    type: "object",
    properties: {
      users: { type: "array", items: { properties: { isAdmin: { type: "boolean" } } } },
      total: { type: "number" },
    },
  });
  expect(
    document.paths["/admin/clients"].post.requestBody.content["application/json"].schema,
  ).toMatchObject({ properties: { redirectUris: { type: "array", minItems: 1 } } });
  expect(
    document.paths["/consent/{uid}"].get.responses["200"].content["application/json"].schema,
  ).toMatchObject({
    properties: { scopes: { items: { enum: expect.arrayContaining(["openid"]) } } },
  });
});
