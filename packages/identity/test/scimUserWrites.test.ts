import { randomBytes } from "node:crypto";
import { ApiClient, buildUser, signedInClient, type TestServer } from "@tandem/testkit";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { ENTERPRISE, ERROR, PATCH_OP, startScimServer, USER } from "./scimSupport.js";

let server: TestServer;
let scim: ApiClient;
beforeAll(async () => {
  ({ server, scim } = await startScimServer());
});
afterAll(() => server?.close());

async function provision(overrides: Record<string, unknown> = {}) {
  const response = await scim.request("POST", "/Users", {
    schemas: [USER],
    userName: `w${randomBytes(4).toString("hex")}@ministere.example`,
    name: { givenName: "Louise", familyName: "Michel" },
    displayName: "Louise Michel",
    externalId: "okta-1",
    ...overrides,
  });
  expect(response.status, response.text).toBe(201);
  return response.json as { id: string; userName: string } & Record<string, unknown>;
}

const patch = (id: string, Operations: unknown[]) =>
  scim.request("PATCH", `/Users/${id}`, { schemas: [PATCH_OP], Operations });

describe("PUT /Users/:id", () => {
  test("replaces every attribute; externalId left out is cleared, active left out is kept", async () => {
    const user = await provision({ active: false });
    const replaced = await scim.request("PUT", `/Users/${user.id}`, {
      schemas: [USER],
      id: user.id,
      userName: "Louise.Michel-Renamed@Ministere.example",
      name: { givenName: "Louise", familyName: "Michel-Renamed" },
      displayName: "Louise Michel-Renamed",
    });
    expect(replaced.status, replaced.text).toBe(200);
    expect(replaced.json).toMatchObject({
      id: user.id,
      userName: "louise.michel-renamed@ministere.example",
      name: { givenName: "Louise", familyName: "Michel-Renamed" },
      displayName: "Louise Michel-Renamed",
      active: false,
    });
    expect(replaced.json).not.toHaveProperty("externalId");
    const account = await server.tandem.accounts.byEmail("louise.michel-renamed@ministere.example");
    expect(account.id).toBe(user.id);
  });

  test("taking another account's userName is 409; an unknown id is 404", async () => {
    const first = await provision();
    const second = await provision();
    const taken = await scim.request("PUT", `/Users/${second.id}`, {
      schemas: [USER],
      userName: first.userName,
    });
    expect(taken.json).toMatchObject({ schemas: [ERROR], status: "409", scimType: "uniqueness" });
    const missing = await scim.request("PUT", "/Users/nope", {
      schemas: [USER],
      userName: "x@y.z",
    });
    expect(missing.status).toBe(404);
  });
});

describe("PATCH /Users/:id", () => {
  test("add, replace and remove, with and without a path", async () => {
    const user = await provision();
    const replaced = await patch(user.id, [
      { op: "replace", path: "name.familyName", value: "Curie" },
      { op: "replace", value: { displayName: "Marie Curie", "name.givenName": "Marie" } },
      { op: "add", path: "externalId", value: "entra-42" },
      { op: "add", value: { [ENTERPRISE]: { organization: "Tandem" } } },
    ]);
    expect(replaced.status, replaced.text).toBe(200);
    expect(replaced.json).toMatchObject({
      name: { givenName: "Marie", familyName: "Curie" },
      displayName: "Marie Curie",
      externalId: "entra-42",
    });
    // Without a path, a complex value keeps the sub-attributes it does not name.
    const merged = await patch(user.id, [
      { op: "replace", value: { name: { givenName: "Maria" } } },
    ]);
    expect(merged.json.name).toMatchObject({ givenName: "Maria", familyName: "Curie" });
    const removed = await patch(user.id, [{ op: "remove", path: "externalId" }]);
    expect(removed.json).not.toHaveProperty("externalId");
    const renamed = await patch(user.id, [
      { op: "replace", path: "userName", value: `Renamed-${user.userName}` },
    ]);
    expect(renamed.json.userName).toBe(`renamed-${user.userName}`);
  });

  test("operations and paths are case-insensitive, as Entra ID and Okta send them", async () => {
    const user = await provision();
    const response = await scim.request("PATCH", `/Users/${user.id}`, {
      schemas: [PATCH_OP],
      Operations: [
        { op: "Replace", path: "DisplayName", value: "Entra Style" },
        { op: "REPLACE", path: "name.FamilyName", value: "Style" },
        { op: "Add", path: `${ENTERPRISE}:organization`, value: "Tandem" },
        { op: "Replace", path: "active", value: "False" },
      ],
    });
    expect(response.status, response.text).toBe(200);
    expect(response.json).toMatchObject({
      displayName: "Entra Style",
      name: { familyName: "Style" },
      active: false,
    });
  });

  test("bad PatchOps are SCIM errors with the right scimType", async () => {
    const user = await provision();
    const cases: Array<[unknown, string]> = [
      [{ Operations: [{ op: "replace", path: "displayName", value: "x" }] }, "invalidSyntax"],
      [{ schemas: [PATCH_OP], Operations: [] }, "invalidSyntax"],
      [{ schemas: [PATCH_OP], Operations: [{ op: "move", path: "displayName" }] }, "invalidSyntax"],
      [{ schemas: [PATCH_OP], Operations: [{ op: "remove" }] }, "noTarget"],
      [{ schemas: [PATCH_OP], Operations: [{ op: "add", path: "displayName" }] }, "invalidSyntax"],
      [
        { schemas: [PATCH_OP], Operations: [{ op: "replace", path: "id", value: "mine" }] },
        "mutability",
      ],
      [
        {
          schemas: [PATCH_OP],
          Operations: [{ op: "add", path: "groups", value: [{ value: "g1" }] }],
        },
        "mutability",
      ],
      [
        { schemas: [PATCH_OP], Operations: [{ op: "replace", path: "a b", value: 1 }] },
        "invalidPath",
      ],
      [
        { schemas: [PATCH_OP], Operations: [{ op: "replace", path: "emails[type eq]", value: 1 }] },
        "invalidPath",
      ],
      [
        {
          schemas: [PATCH_OP],
          Operations: [
            { op: "replace", path: 'emails[type eq "home"]', value: { value: "a@b.c" } },
          ],
        },
        "noTarget",
      ],
      [
        { schemas: [PATCH_OP], Operations: [{ op: "replace", path: "userName", value: "nope" }] },
        "invalidValue",
      ],
      [
        {
          schemas: [PATCH_OP],
          Operations: [{ op: "add", path: "password", value: "S3cret-enough-pw" }],
        },
        "invalidValue",
      ],
      [
        { schemas: [PATCH_OP], Operations: [{ op: "replace", value: "not an object" }] },
        "invalidValue",
      ],
      [
        {
          schemas: [PATCH_OP],
          Operations: [{ op: "add", path: "constructor.prototype.x", value: 1 }],
        },
        "invalidPath",
      ],
      [
        { schemas: [PATCH_OP], Operations: [{ op: "add", value: { "__proto__.polluted": 1 } }] },
        "invalidPath",
      ],
    ];
    for (const [body, scimType] of cases) {
      const response = await scim.request("PATCH", `/Users/${user.id}`, body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(response.json, JSON.stringify(body)).toMatchObject({
        schemas: [ERROR],
        status: "400",
        scimType,
      });
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const unchanged = await scim.request("GET", `/Users/${user.id}`);
    expect(unchanged.json).toMatchObject({ displayName: "Louise Michel", active: true });
  });

  test("a filter the patch library cannot read is a 400 without the library's words", async () => {
    const user = await provision();
    // Tandem's filter parser takes `$ref` (an attribute of SCIM's references); the library's does not.
    const response = await patch(user.id, [
      { op: "replace", path: 'emails[$ref eq "x"].value', value: "a@ministere.example" },
    ]);
    expect(response.status, response.text).toBe(400);
    expect(response.text).not.toMatch(/Error:|unexpected token/);
    expect(response.json).toMatchObject({ schemas: [ERROR], scimType: "invalidFilter" });
  });

  test("an attribute of a schema Tandem does not know is ignored", async () => {
    const user = await provision();
    const response = await patch(user.id, [
      { op: "add", path: "urn:example:custom:2.0:User:costCenter", value: "42" },
      { op: "replace", path: "title", value: "Chef de bureau" },
      // Names the patch library would walk into built-ins with: ignored, never followed.
      { op: "add", path: "toString.polluted", value: "x" },
      { op: "add", path: `${ENTERPRISE}:toString.polluted`, value: "x" },
      { op: "add", value: { "hasOwnProperty.polluted": "x" } },
    ]);
    expect(response.status, response.text).toBe(200);
    expect(response.json).not.toHaveProperty("title");
    expect(Reflect.get(Object.prototype.toString, "polluted")).toBeUndefined();
    expect(Reflect.get(Object.prototype.hasOwnProperty, "polluted")).toBeUndefined();
    const nested = await patch(user.id, [
      { op: "add", path: "name", value: { "toString.polluted": "x" } },
    ]);
    expect(nested.json).toMatchObject({ status: "400", scimType: "invalidPath" });
    expect(Reflect.get(Object.prototype.toString, "polluted")).toBeUndefined();
  });
});

describe("DELETE /Users/:id", () => {
  test("deactivates and hides the account; a later POST with its userName brings it back", async () => {
    const { user, password } = await buildUser(server.tandem);
    const browser = new ApiClient(server.url);
    expect((await browser.signIn(user.email, password)).status).toBe(200);
    const deleted = await scim.request("DELETE", `/Users/${user.id}`);
    expect(deleted.status).toBe(204);
    expect((await browser.request("GET", "/api/v1/me")).status).toBe(401);
    expect((await scim.request("GET", `/Users/${user.id}`)).status).toBe(404);
    expect((await scim.request("DELETE", `/Users/${user.id}`)).status).toBe(404);
    // The row stays, so what other modules keep about the account still points somewhere.
    expect((await server.tandem.accounts.byEmail(user.email)).disabled_at).not.toBeNull();

    const back = await scim.request("POST", "/Users", {
      schemas: [USER],
      userName: user.email,
      externalId: "again",
    });
    expect(back.status, back.text).toBe(201);
    expect(back.json).toMatchObject({ id: user.id, active: true, externalId: "again" });
    expect((await new ApiClient(server.url).signIn(user.email, password)).status).toBe(200);
  });
});

describe("who may provision", () => {
  test("no token is 401, a member's token 403, a session cookie 401, all in SCIM's format", async () => {
    const anonymous = await new ApiClient(`${server.url}/scim/v2`).request("GET", "/Users");
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get("www-authenticate")).toMatch(/^Bearer/);
    expect(anonymous.json).toMatchObject({ schemas: [ERROR], status: "401" });
    const wrong = await new ApiClient(`${server.url}/scim/v2`, { bearer: "tdm_pat_wrong" }).request(
      "GET",
      "/Users",
    );
    expect(wrong.json).toMatchObject({ schemas: [ERROR], status: "401" });

    const { user } = await buildUser(server.tandem);
    const { token } = await server.tandem.access.createToken(user, { expiresAt: null });
    const member = await new ApiClient(`${server.url}/scim/v2`, { bearer: token }).request(
      "POST",
      "/Users",
      {
        schemas: [USER],
        userName: "intruder@example.org",
      },
    );
    expect(member.status).toBe(403);
    expect(member.json).toMatchObject({ schemas: [ERROR], status: "403" });

    const admin = new ApiClient(server.url);
    await admin.signIn(server.admin.email, server.admin.password);
    const cookie = await new ApiClient(`${server.url}/scim/v2`, { cookie: admin.cookie }).request(
      "GET",
      "/Users",
    );
    expect(cookie.status).toBe(401);
    const { client } = await signedInClient(server.url, server.tandem);
    expect((await client.request("GET", "/api/v1/me")).status).toBe(200);
  });

  test("the token's own account cannot deactivate or delete itself", async () => {
    const admin = await server.tandem.accounts.byEmail(server.admin.email);
    const self = await patch(admin.id, [{ op: "replace", path: "active", value: false }]);
    expect(self.status).toBe(403);
    expect((await scim.request("DELETE", `/Users/${admin.id}`)).status).toBe(403);
    expect((await scim.request("GET", "/ServiceProviderConfig")).status).toBe(200);
  });
});
