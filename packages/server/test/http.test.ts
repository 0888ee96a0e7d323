import { ApiClient, signedInClient, startTestServer, type TestServer } from "@tandem/testkit";
import { afterAll, beforeAll, describe, expect, test } from "vitest";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server?.close());

describe("kernel HTTP", () => {
  test("GET /healthz answers ok once the database answers", async () => {
    const response = await fetch(`${server.url}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok" });
  });

  test("GET /metrics exposes Prometheus metrics, request counts included", async () => {
    await fetch(`${server.url}/healthz`);
    const response = await fetch(`${server.url}/metrics`);
    expect(response.headers.get("content-type")).toContain("text/plain");
    const text = await response.text();
    expect(text).toContain("tandem_process_resident_memory_bytes");
    expect(text).toMatch(
      /tandem_http_requests_total\{method="GET",route="\/healthz",status="200"\} \d+/,
    );
  });

  test("GET /metrics through a proxy Tandem does not trust is refused: the socket's address is the proxy's", async () => {
    const proxied = await fetch(`${server.url}/metrics`, {
      headers: { "x-forwarded-for": "203.0.113.5" },
    });
    expect(proxied.status).toBe(404);
    expect(await proxied.text()).not.toContain("tandem_");
  });

  test("every response carries the security headers; no HSTS over http", async () => {
    const response = await fetch(`${server.url}/`);
    const csp = response.headers.get("content-security-policy") ?? "";
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("x-frame-options")).toBe("DENY");
    expect(response.headers.get("strict-transport-security")).toBeNull();
  });

  test("the web app is served at / and for its own routes; unknown API paths are JSON 404s", async () => {
    const home = await fetch(`${server.url}/`);
    expect(home.status).toBe(200);
    expect(await home.text()).toContain('<div id="root">');
    const deep = await fetch(`${server.url}/some/app/route`);
    expect(deep.status).toBe(200);
    expect(deep.headers.get("content-type")).toContain("text/html");
    const api = await fetch(`${server.url}/api/v1/nothing-here`);
    expect(api.status).toBe(404);
    expect(await api.json()).toMatchObject({ error: "not_found" });
  });
});

describe("GET /metrics behind a trusted proxy, with a token", () => {
  const TOKEN = "metrics-token-".padEnd(40, "x");
  let proxied: TestServer;
  beforeAll(async () => {
    proxied = await startTestServer({
      TANDEM_TRUST_PROXY: "true",
      TANDEM_METRICS_TOKEN: TOKEN,
      TANDEM_METRICS_ALLOW: "127.0.0.1,10.0.0.0/8",
    });
  });
  afterAll(() => proxied?.close());

  const scrape = (from: string, token?: string) =>
    fetch(`${proxied.url}/metrics`, {
      headers: {
        "x-forwarded-for": from,
        ...(token === undefined ? {} : { authorization: `Bearer ${token}` }),
      },
    });

  test("an allowed network with the token reads the metrics", async () => {
    const response = await scrape("10.1.2.3", TOKEN);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain("tandem_process_resident_memory_bytes");
  });

  test("without the token, or with a wrong one, even from an allowed network: 404", async () => {
    expect((await scrape("10.1.2.3")).status).toBe(404);
    expect((await scrape("10.1.2.3", `${TOKEN}y`)).status).toBe(404);
    expect((await scrape("10.1.2.3", TOKEN.replace(/x$/, "y"))).status).toBe(404);
  });

  test("another network, even with the token: 404, as for any unknown path", async () => {
    const response = await scrape("203.0.113.5", TOKEN);
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({
      error: "not_found",
      message: "No route for GET /metrics",
    });
    expect((await scrape("192.168.1.9", TOKEN)).status).toBe(404);
  });
});

describe("sessions", () => {
  test("the first administrator signs in, sees themself, and signing out ends the session on the server", async () => {
    const client = new ApiClient(server.url);
    const signIn = await client.signIn(server.admin.email, server.admin.password);
    expect(signIn.status).toBe(200);
    expect(signIn.json.user).toMatchObject({ email: server.admin.email, isAdmin: true });
    expect(signIn.headers.get("set-cookie")).toMatch(/HttpOnly/i);
    expect(signIn.headers.get("set-cookie")).toMatch(/SameSite=Lax/i);

    const me = await client.request("GET", "/api/v1/me");
    expect(me.status).toBe(200);
    expect(me.json).toMatchObject({ email: server.admin.email, isAdmin: true });
    const apps = await client.request("GET", "/api/v1/apps");
    expect(apps.json.apps).toMatchObject([{ id: "docs", path: "/docs" }]);

    const stolen = new ApiClient(server.url, { cookie: client.cookie });
    expect((await client.request("DELETE", "/api/v1/session")).status).toBe(204);
    // The cookie kept by someone else is dead too: the session is gone server-side.
    expect((await stolen.request("GET", "/api/v1/me")).status).toBe(401);
  });

  test("each sign-in gets a new session id", async () => {
    const client = new ApiClient(server.url);
    await client.signIn(server.admin.email, server.admin.password);
    const first = client.cookie;
    await client.signIn(server.admin.email, server.admin.password);
    expect(client.cookie).not.toBe(first);
    expect(
      (await new ApiClient(server.url, { cookie: first }).request("GET", "/api/v1/me")).status,
    ).toBe(401);
  });

  test("a wrong password, an unknown e-mail and a malformed body are refused clearly", async () => {
    const client = new ApiClient(server.url);
    const wrong = await client.signIn(server.admin.email, "not the password at all");
    expect(wrong.status).toBe(401);
    expect(wrong.json).toEqual({ error: "invalid_credentials", message: expect.any(String) });
    const unknown = await client.signIn("nobody@example.org", "whatever-password");
    expect(unknown.json).toEqual(wrong.json);
    const malformed = await client.request("POST", "/api/v1/session", { email: "a@b" });
    expect(malformed.status).toBe(400);
    expect(malformed.json).toEqual({
      error: "invalid_request",
      message: expect.stringContaining("password"),
    });
    const notJson = await client.request("POST", "/api/v1/session", undefined, {
      "content-type": "application/json",
    });
    expect(notJson.status).toBe(400);
    expect(client.cookie).toBeUndefined();
  });

  test("a state-changing request from another origin is refused", async () => {
    const client = new ApiClient(server.url);
    await client.signIn(server.admin.email, server.admin.password);
    const forged = await client.request("DELETE", "/api/v1/session", undefined, {
      origin: "https://evil.example",
    });
    expect(forged.status).toBe(403);
    expect((await client.request("GET", "/api/v1/me")).status).toBe(200);
  });

  test("without a session or token the API answers 401 in Tandem's error format", async () => {
    const response = await new ApiClient(server.url).request("GET", "/api/v1/me");
    expect(response.status).toBe(401);
    expect(response.json).toEqual({ error: "unauthorized", message: expect.any(String) });
  });

  test("administrators see the instances of the deployment; members may not", async () => {
    const admin = new ApiClient(server.url);
    await admin.signIn(server.admin.email, server.admin.password);
    const instances = await admin.request("GET", "/api/v1/admin/instances");
    expect(instances.status).toBe(200);
    expect(instances.json.instances).toHaveLength(1);
    expect(instances.json.instances[0].id).toBe(instances.json.self);

    const { client: member } = await signedInClient(server.url, server.tandem);
    const refused = await member.request("GET", "/api/v1/admin/instances");
    expect(refused.status).toBe(403);
    expect(refused.json).toMatchObject({ error: "forbidden" });
  });
});
