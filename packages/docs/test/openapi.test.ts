import { startTestServer, type TestServer } from "@tandem/testkit";
import { afterAll, beforeAll, expect, test } from "vitest";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server?.close());

const BASE = "/api/docs/v1";

test("the OpenAPI document describes exactly the routes the docs API serves", async () => {
  const response = await fetch(`${server.url}${BASE}/openapi.json`);
  expect(response.status).toBe(200);
  const document = await response.json();
  expect(document).toMatchObject({ openapi: "3.1.0", servers: [{ url: BASE }] });
  expect(
    document.paths["/documents"].post.requestBody.content["application/json"].schema,
  ).toMatchObject({
    type: "object",
    properties: { title: { type: "string", maxLength: 300 } },
  });

  // The module refuses to start when routes and document differ (registerOpenApiRoute):
  // here, every documented operation is answered by its route.
  for (const [path, methods] of Object.entries(document.paths as Record<string, object>)) {
    for (const method of Object.keys(methods)) {
      const url = `${BASE}${path.replace(/\{(\w+)\}/g, ":$1")}`;
      expect(server.tandem.http.hasRoute({ method: method.toUpperCase() as "GET", url }), url).toBe(
        true,
      );
    }
  }
});
