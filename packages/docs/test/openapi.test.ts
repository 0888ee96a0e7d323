import { ModuleClaims } from "@tandem/kernel";
import { startTestServer, type TestServer } from "@tandem/testkit";
import Fastify from "fastify";
import { afterAll, beforeAll, expect, test } from "vitest";
import { createDocsApi } from "../src/api/openapi.js";
import { registerSearchRoutes } from "../src/api/search.js";
import { createDocsModule } from "../src/docsModule.js";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server?.close());

const BASE = "/api/docs/v1";

/** Every route Fastify serves, as `METHOD /path`, read back from its printed route tree. */
function servedRoutes(tree: string): string[] {
  const routes: string[] = [];
  const stack: string[] = [];
  for (const line of tree.split("\n")) {
    const match = line.match(/^(.*?)[├└]── (\S+)(?: \(([^)]*)\))?/);
    if (!match) continue;
    const depth = Math.round((match[1] ?? "").length / 4);
    stack.length = depth;
    stack.push(match[2] ?? "");
    for (const method of (match[3] ?? "").split(", ")) {
      if (method && method !== "HEAD" && method !== "-") routes.push(`${method} ${stack.join("")}`);
    }
  }
  return routes;
}

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

  // Every documented operation is answered by its route.
  const documented: string[] = [];
  for (const [path, methods] of Object.entries(document.paths as Record<string, object>)) {
    for (const method of Object.keys(methods)) {
      const url = `${BASE}${path.replace(/\{(\w+)\}/g, ":$1")}`;
      documented.push(`${method.toUpperCase()} ${url}`);
      expect(server.tandem.http.hasRoute({ method: method.toUpperCase() as "GET", url }), url).toBe(
        true,
      );
    }
  }

  // Every route served under the API's base is documented, once, with its answers' schemas.
  const served = servedRoutes(server.tandem.http.printRoutes({ commonPrefix: false })).filter(
    (route) => route.split(" ")[1]?.startsWith(`${BASE}/`) && !route.endsWith("/openapi.json"),
  );
  expect(served.length).toBeGreaterThan(40);
  expect(new Set(served).size).toBe(served.length);
  expect([...served].sort()).toEqual([...documented].sort());
  for (const [path, methods] of Object.entries(document.paths as Record<string, object>)) {
    for (const [method, operation] of Object.entries(methods as Record<string, OperationShape>)) {
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
  // Responses are described by their schemas, not only as "Success".
  expect(
    document.paths["/documents/{id}"].get.responses["200"].content["application/json"].schema,
  ).toMatchObject({
    type: "object",
    properties: {
      role: expect.anything(),
      abilities: { type: "object", properties: { share: { type: "boolean" } } },
    },
  });
});

interface OperationShape {
  responses: Record<string, { content?: Record<string, { schema?: unknown }> }>;
}

test("a docs route declared twice stops the start, in one line", async () => {
  const http = Fastify();
  const api = createDocsApi(http, new ModuleClaims("docs", createDocsModule().paths));
  const deps = {} as Parameters<typeof registerSearchRoutes>[1];
  registerSearchRoutes(api, deps);
  let refusal: unknown;
  try {
    registerSearchRoutes(api, deps);
  } catch (error) {
    refusal = error;
  }
  expect(refusal).toBeInstanceOf(Error);
  expect((refusal as Error).message).toBe(
    "Tandem Docs API: GET /api/docs/v1/search is declared twice",
  );
  await http.close();
});
