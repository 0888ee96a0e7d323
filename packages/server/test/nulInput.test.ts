import { ApiClient, startTestServer, type TestServer } from "@tandem/testkit";
import { afterAll, beforeAll, describe, expect, test } from "vitest";

/**
 * A NUL (U+0000) cannot be stored in PostgreSQL's text and can in SQLite's: the requests
 * below answered 500 on PostgreSQL only. Each is refused at the edge with its protocol's
 * 400, the same on both engines (these suites run on both).
 */
const NUL = "x\u0000y";

let server: TestServer;
let admin: ApiClient;
let scim: ApiClient;
let documentId: string;
beforeAll(async () => {
  server = await startTestServer();
  admin = new ApiClient(server.url);
  await admin.signIn(server.admin.email, server.admin.password);
  const account = await server.tandem.accounts.byEmail(server.admin.email);
  const { token } = await server.tandem.access.createToken(account, {
    expiresAt: null,
    scopes: ["scim"],
  });
  scim = new ApiClient(`${server.url}/scim/v2`, { bearer: token });
  documentId = (await admin.request("POST", "/api/docs/v1/documents", { title: "Budget" })).json.id;
});
afterAll(() => server?.close());

/** Tandem's REST shape: `400 { error: "invalid_request", message: "<field>: …NUL…" }`. */
function expectRefused(response: { status: number; json: unknown }, field: string) {
  expect(response.status).toBe(400);
  expect(response.json).toEqual({
    error: "invalid_request",
    message: `${field}: must not contain a NUL character (U+0000)`,
  });
}

describe("Tandem's REST API refuses a NUL anywhere in a request", () => {
  test("signing in anonymously with a NUL in the e-mail", async () => {
    const anonymous = new ApiClient(server.url);
    expectRefused(await anonymous.signIn(NUL, "pw"), "email");
  });

  test.each([
    ["an account", "/api/v1/admin/users", { email: `a${NUL}@example.org`, name: "A" }, "email"],
    ["an organisation", "/api/v1/admin/organisations", { name: NUL, country: "FR" }, "name"],
    [
      "an app",
      "/api/v1/admin/clients",
      { name: NUL, redirectUris: ["https://app.example.org/cb"] },
      "name",
    ],
    [
      "an identity provider",
      "/api/v1/admin/upstreams",
      { name: "Up", issuer: `https://idp.example.org/${NUL}`, clientId: "c", clientSecret: "s" },
      "issuer",
    ],
  ])("the admin form creating %s", async (_what, path, body, field) => {
    expectRefused(await admin.request("POST", path, body), field);
  });

  test("a document's title and icon, a version's name and id", async () => {
    const docs = "/api/docs/v1/documents";
    expectRefused(await admin.request("POST", docs, { title: NUL }), "title");
    expectRefused(await admin.request("PATCH", `${docs}/${documentId}`, { title: NUL }), "title");
    expectRefused(await admin.request("PATCH", `${docs}/${documentId}`, { icon: NUL }), "icon");
    const versions = `${docs}/${documentId}/versions`;
    expectRefused(await admin.request("POST", versions, { name: NUL }), "name");
    expectRefused(await admin.request("GET", `${versions}/%00`), "versionId");
    expectRefused(await admin.request("GET", `${versions}/diff?from=%00`), "from");
    expectRefused(await admin.request("GET", `${docs}/%00`), "id");
  });

  test("an import's title in the query", async () => {
    const response = await admin.request(
      "POST",
      "/api/docs/v1/import?format=markdown&title=x%00y",
      undefined,
      { "content-type": "text/markdown" },
    );
    expectRefused(response, "title");
  });

  test("a NUL in a key of the body, or deep in it", async () => {
    const docs = "/api/docs/v1/documents";
    expectRefused(await admin.request("POST", docs, { [NUL]: "t" }), NUL);
    const threads = `${docs}/${documentId}/threads`;
    const deep = { content: [{ type: "paragraph", content: [{ type: "text", text: NUL }] }] };
    expectRefused(await admin.request("POST", threads, deep), "content.0.content.0.text");
  });

  test("the federation start of an upstream whose id is a NUL", async () => {
    const response = await fetch(`${server.url}/federation/%00/start`, { redirect: "manual" });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: "invalid_request" });
  });
});

describe("other control characters are taken out of text fields", () => {
  const BELL = "\u0007";

  test("a title, an icon, a version's name, an organisation's and a token's", async () => {
    const doc = `/api/docs/v1/documents/${documentId}`;
    const patched = await admin.request("PATCH", doc, {
      title: `Bud${BELL}get\u001b`,
      icon: `${BELL}📄`,
    });
    expect(patched.status).toBe(200);
    expect(patched.json).toMatchObject({ title: "Budget", icon: "📄" });
    const version = await admin.request("POST", `${doc}/versions`, { name: `v${BELL}1` });
    expect(version.json).toMatchObject({ name: "v1" });
    const organisation = await admin.request("POST", "/api/v1/admin/organisations", {
      name: `Mairie\u0001 de Lyon`,
      country: "FR",
    });
    expect(organisation.json).toMatchObject({ name: "Mairie de Lyon" });
    // Nothing left once they are out: as empty as "".
    const token = await admin.request("POST", "/api/v1/account/tokens", { name: BELL });
    expect(token.status).toBe(400);
    expect(token.json.message).toMatch(/^name:/);
  });
});

describe("SCIM refuses a NUL with its own Error message", () => {
  const ERROR = "urn:ietf:params:scim:api:messages:2.0:Error";
  const USER = "urn:ietf:params:scim:schemas:core:2.0:User";
  const GROUP = "urn:ietf:params:scim:schemas:core:2.0:Group";

  test.each([
    ["a userName", "POST", "/Users", { schemas: [USER], userName: NUL }],
    ["a filter", "GET", `/Users?filter=${encodeURIComponent(`userName eq "${NUL}"`)}`, undefined],
    ["a user's id", "GET", "/Users/%00", undefined],
    ["a user's id, deleting", "DELETE", "/Users/%00", undefined],
    ["a group's name", "POST", "/Groups", { schemas: [GROUP], displayName: NUL }],
    ["a group's id", "PUT", "/Groups/%00", { schemas: [GROUP], displayName: "G" }],
  ])("%s", async (_what, method, path, body) => {
    const response = await scim.request(method, path, body);
    expect(response.status).toBe(400);
    expect(response.headers.get("content-type")).toContain("application/scim+json");
    expect(JSON.parse(response.text)).toMatchObject({
      schemas: [ERROR],
      status: "400",
      scimType: "invalidValue",
      detail: expect.stringContaining("NUL"),
    });
  });
});
