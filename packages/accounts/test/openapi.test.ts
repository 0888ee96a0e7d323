import { startTestServer, type TestServer } from "@tandem/testkit";
import { afterAll, beforeAll, expect, test } from "vitest";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server?.close());

const BASE = "/api/v1";

/** Every accounts route, as the protocol sections in src/api/ declare them. */
const ACCOUNTS_ROUTES = [
  "POST /session",
  "POST /session/mfa",
  "DELETE /session",
  "POST /session/passkey/options",
  "POST /session/passkey",
  "POST /session/enrolment/totp",
  "POST /session/enrolment/totp/confirm",
  "POST /session/enrolment/passkey/options",
  "POST /session/enrolment/passkey",
  "GET /me",
  "PUT /account/password",
  "GET /account/sessions",
  "DELETE /account/sessions/{id}",
  "GET /account/tokens",
  "POST /account/tokens",
  "DELETE /account/tokens/{id}",
  "GET /mfa",
  "POST /mfa/totp/enrol",
  "POST /mfa/totp/confirm",
  "DELETE /mfa/totp",
  "POST /mfa/recovery-codes",
  "GET /mfa/passkeys",
  "POST /mfa/passkeys/options",
  "POST /mfa/passkeys",
  "PATCH /mfa/passkeys/{id}",
  "DELETE /mfa/passkeys/{id}",
  "GET /admin/instances",
  "GET /admin/audit",
  "DELETE /admin/users/{userId}/second-factors",
];

interface Operation {
  requestBody?: { content: Record<string, { schema: unknown }> };
  responses: Record<string, { content?: Record<string, { schema?: unknown }> }>;
}

test("the accounts OpenAPI document describes every accounts route, served, with its answers", async () => {
  const response = await fetch(`${server.url}${BASE}/openapi.json`);
  expect(response.status).toBe(200);
  const document = await response.json();
  expect(document).toMatchObject({ openapi: "3.1.0", servers: [{ url: BASE }] });
  const paths = document.paths as Record<string, Record<string, Operation>>;

  const documented = Object.entries(paths).flatMap(([path, methods]) =>
    Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`),
  );
  expect(documented.sort()).toEqual([...ACCOUNTS_ROUTES].sort());

  for (const [path, methods] of Object.entries(paths)) {
    for (const [method, operation] of Object.entries(methods)) {
      const url = `${BASE}${path.replace(/\{(\w+)\}/g, ":$1")}`;
      const route = { method: method.toUpperCase() as "GET", url };
      expect(server.tandem.http.hasRoute(route), url).toBe(true);
      const success = Object.entries(operation.responses).filter(([status]) =>
        status.startsWith("2"),
      );
      expect(success.length, `${method} ${path}`).toBeGreaterThan(0);
      for (const [status, answer] of success) {
        if (status === "204") continue;
        const schema = Object.values(answer.content ?? {})[0]?.schema;
        // A shape, not only "Success": an object, or a choice of objects.
        expect(JSON.stringify(schema ?? {}), `${method} ${path} ${status}`).toContain("properties");
      }
    }
  }

  // The answers are the wire schemas, and the bodies the routes read are described too.
  expect(
    paths["/account/tokens"]?.get?.responses["200"]?.content?.["application/json"]?.schema,
  ).toMatchObject({
    properties: {
      tokens: { type: "array" },
      scopes: { type: "array", items: { properties: { adminOnly: { type: "boolean" } } } },
    },
  });
  expect(
    paths["/account/tokens"]?.post?.requestBody?.content["application/json"]?.schema,
  ).toMatchObject({
    properties: { scopes: { items: { enum: expect.arrayContaining(["api", "admin", "scim"]) } } },
  });
  expect(
    paths["/session"]?.post?.responses["200"]?.content?.["application/json"]?.schema,
  ).toMatchObject({ anyOf: expect.any(Array) });
});
