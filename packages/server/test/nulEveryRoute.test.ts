import { startTestServer, type TestServer } from "@tandem/testkit";
import { afterAll, beforeAll, describe, expect, test } from "vitest";

/**
 * Every route the server has, with a NUL in each part a client controls — path parameters,
 * query, JSON body — is refused with its protocol's 400, never reaching a handler (and so
 * never PostgreSQL, whose text cannot hold a NUL). The routes are read from Fastify itself,
 * so a route added later is covered without touching this file.
 */
let server: TestServer;
let token: string;
beforeAll(async () => {
  server = await startTestServer();
  const admin = await server.tandem.accounts.byEmail(server.admin.email);
  ({ token } = await server.tandem.access.createToken(admin, {
    expiresAt: null,
    scopes: ["api", "scim"],
  }));
});
afterAll(() => server?.close());

interface Route {
  path: string;
  methods: string[];
}

/** Fastify's route tree (`printRoutes`), one line per node, flattened to full paths. */
function routesOf(tree: string): Route[] {
  const routes: Route[] = [];
  const segments: string[] = [];
  for (const line of tree.split("\n")) {
    const node = /^((?:│ {3}| {4})*)[├└]── (.+?)(?: \(([A-Z, ]+)\))?$/.exec(line);
    if (!node) continue;
    segments.length = (node[1] ?? "").length / 4;
    segments.push(node[2] ?? "");
    // The catch-all at the root prints as `*`: it is `/*`.
    const path = segments.join("").replace(/^(?!\/)/, "/");
    if (node[3]) routes.push({ path, methods: node[3].split(", ") });
  }
  return routes;
}

/** Methods a client sends with a body, and the ones that mean nothing here. */
const WITH_BODY = new Set(["POST", "PUT", "PATCH"]);
const SKIPPED = new Set(["HEAD", "OPTIONS", "TRACE", "QUERY"]);

function requestsOf(routes: Route[]) {
  const requests: Array<{ method: string; url: string; body?: string; what: string }> = [];
  for (const { path, methods } of routes) {
    // The built web app's files: the same static route as /index.html, named by build hashes.
    if (path.startsWith("/assets/")) continue;
    const plain = path.replace(/:\w+|\*/g, "x");
    for (const method of methods.filter((m) => !SKIPPED.has(m))) {
      if (plain !== path) {
        requests.push({ method, url: path.replace(/:\w+|\*/g, "x%00y"), what: "path" });
      }
      requests.push({ method, url: `${plain}?q=x%00y`, what: "query" });
      if (WITH_BODY.has(method)) {
        requests.push({ method, url: plain, body: '{"name":"x\\u0000y"}', what: "body" });
      }
    }
  }
  return requests;
}

/** The protocol's own 400: SCIM's Error message under /scim/v2, Tandem's REST shape elsewhere. */
function expectRefused(url: string, status: number, contentType: string, json: unknown) {
  expect(status).toBe(400);
  if (url.startsWith("/scim/v2")) {
    expect(contentType).toContain("application/scim+json");
    expect(json).toMatchObject({ status: "400", scimType: "invalidValue" });
  } else {
    expect(contentType).toContain("application/json");
    expect(json).toMatchObject({ error: "invalid_request" });
  }
}

describe("a NUL is refused on every route, in its path, query and body", () => {
  test("every Fastify route", async () => {
    const routes = routesOf(server.tandem.http.printRoutes({ commonPrefix: false }));
    // The tree's format is Fastify's: a change there must fail here, not cover nothing.
    expect(routes.length).toBeGreaterThan(60);
    for (const known of ["/api/v1/session", "/scim/v2/Users/:id", "/federation/:id/start"]) {
      expect(routes.map((r) => r.path)).toContain(known);
    }
    const requests = requestsOf(routes);
    expect(requests.length).toBeGreaterThan(200);
    const failures: string[] = [];
    for (const { method, url, body, what } of requests) {
      const response = await fetch(server.url + url, {
        method,
        redirect: "manual",
        headers: {
          authorization: `Bearer ${token}`,
          ...(body === undefined ? {} : { "content-type": "application/json" }),
        },
        body,
      });
      const text = await response.text();
      const contentType = response.headers.get("content-type") ?? "";
      try {
        // The import route takes any body as the file: a NUL byte there is a file's business.
        if (what === "body" && url.endsWith("/import")) expect(response.status).toBe(400);
        else expectRefused(url, response.status, contentType, JSON.parse(text));
      } catch {
        failures.push(`${method} ${url} (${what}) → ${response.status} ${text.slice(0, 120)}`);
      }
    }
    expect(failures).toEqual([]);
  });

  test.each([
    ["GET", "/.well-known/openid-configuration?q=x%00y"],
    ["GET", "/oidc/auth?client_id=x%00y"],
    ["POST", "/oidc/token?client_id=x%00y"],
    ["GET", "/oidc/jwks/x%00y"],
    ["POST", "/oidc/session/end?q=x%00y"],
  ])("the OpenID provider's %s %s", async (method, url) => {
    const response = await fetch(server.url + url, { method, redirect: "manual" });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: "invalid_request" });
  });
});
