import type { ApiClient, TestServer } from "@tandem/testkit";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { ENTERPRISE, ERROR, startScimServer, USER } from "./scimSupport.js";

let server: TestServer;
let scim: ApiClient;
let token: string;
beforeAll(async () => {
  ({ server, scim, token } = await startScimServer());
});
afterAll(() => server?.close());

let sequence = 0;
/** A User resource with a fresh userName; overrides replace any attribute. */
function userResource(overrides: Record<string, unknown> = {}) {
  sequence += 1;
  return {
    schemas: [USER, ENTERPRISE],
    userName: `agent${sequence}-${Date.now()}@ministere.example`,
    name: { givenName: "Camille", familyName: `Martin${sequence}` },
    displayName: `Camille Martin${sequence}`,
    externalId: `ext-${sequence}`,
    emails: [{ value: "ignored@example.org", type: "work", primary: true }],
    active: true,
    ...overrides,
  };
}

async function create(overrides: Record<string, unknown> = {}) {
  const response = await scim.request("POST", "/Users", userResource(overrides));
  expect(response.status, response.text).toBe(201);
  return response.json;
}

describe("SCIM /Users", () => {
  test("POST creates an account with its profile; GET returns it in SCIM's shape", async () => {
    const resource = userResource({ userName: "Jeanne.Dupont@Ministere.example" });
    const created = await scim.request("POST", "/Users", resource, {
      "content-type": "application/scim+json",
    });
    expect(created.status).toBe(201);
    expect(created.headers.get("content-type")).toContain("application/scim+json");
    expect(created.headers.get("location")).toBe(`${server.url}/scim/v2/Users/${created.json.id}`);
    expect(created.json).toMatchObject({
      schemas: [USER, ENTERPRISE],
      userName: "jeanne.dupont@ministere.example",
      name: { givenName: "Camille", familyName: resource.name.familyName },
      displayName: resource.displayName,
      externalId: resource.externalId,
      emails: [{ value: "jeanne.dupont@ministere.example", type: "work", primary: true }],
      active: true,
      groups: [],
      [ENTERPRISE]: { organization: "Tandem" },
      meta: { resourceType: "User", location: created.headers.get("location") },
    });
    expect(created.json).not.toHaveProperty("password");

    const fetched = await scim.request("GET", `/Users/${created.json.id}`);
    expect(fetched.status).toBe(200);
    expect(fetched.json).toEqual(created.json);
    const account = await server.tandem.accounts.byEmail("jeanne.dupont@ministere.example");
    expect(account).toMatchObject({
      name: resource.displayName,
      role: "member",
      password_hash: null,
    });
  });

  test("the enterprise organization names an organisation by its official identifier", async () => {
    const { OrganisationStore } = await import("@tandem/identity");
    const organisations = new OrganisationStore(server.tandem.database);
    const dinum = await organisations.add({
      name: "DINUM",
      country: "FR",
      identifier: "13002526500013",
    });
    const placed = await create({ [ENTERPRISE]: { organization: "130 025 265 00013" } });
    expect(placed[ENTERPRISE]).toEqual({ organization: dinum.identifier });
    const unknown = await create({ [ENTERPRISE]: { organization: "No such ministry" } });
    expect(unknown[ENTERPRISE]).toEqual({ organization: "Tandem" });
  });

  test("a userName that exists is 409 uniqueness, whatever its case", async () => {
    const first = await create();
    const again = await scim.request(
      "POST",
      "/Users",
      userResource({ userName: first.userName.toUpperCase() }),
    );
    expect(again.status).toBe(409);
    expect(again.json).toEqual({
      schemas: [ERROR],
      status: "409",
      scimType: "uniqueness",
      detail: expect.any(String),
    });
  });

  test("bad resources are 400 in SCIM's format: no e-mail, a password, a wrong type", async () => {
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ userName: "not-an-email" }, "invalidValue"],
      [{ password: "Sup3r-secret-passw0rd" }, "invalidValue"],
      [{ active: "maybe" }, "invalidValue"],
      [{ userName: undefined }, "invalidValue"],
      [{ schemas: ["urn:example:not-a-user"] }, "invalidSyntax"],
    ];
    for (const [overrides, scimType] of cases) {
      const response = await scim.request("POST", "/Users", userResource(overrides));
      expect(response.status, JSON.stringify(overrides)).toBe(400);
      expect(response.json).toMatchObject({ schemas: [ERROR], status: "400", scimType });
    }
  });

  test("an unknown id is 404; malformed JSON and a huge body are SCIM errors, never 500", async () => {
    const missing = await scim.request("GET", "/Users/00000000-0000-0000-0000-000000000000");
    expect(missing.status).toBe(404);
    expect(missing.json).toMatchObject({ schemas: [ERROR], status: "404" });
    for (const path of ["/Nothing", "", "/Users/a/b"]) {
      const unknownPath = await scim.request("GET", path);
      expect(unknownPath.status, path).toBe(404);
      expect(unknownPath.json).toMatchObject({ schemas: [ERROR], status: "404" });
    }

    const malformed = await scim.request("POST", "/Users", undefined, {
      "content-type": "application/scim+json",
    });
    expect(malformed.status).toBe(400);
    expect(malformed.json).toMatchObject({
      schemas: [ERROR],
      status: "400",
      scimType: "invalidSyntax",
    });
    const broken = await rawPost("/Users", '{"userName": "a@b.c", ', "application/json");
    expect(broken.status).toBe(400);
    expect(broken.json).toMatchObject({ schemas: [ERROR], scimType: "invalidSyntax" });
    const huge = await rawPost("/Users", JSON.stringify({ userName: "x".repeat(2 * 1024 * 1024) }));
    expect(huge.status).toBe(413);
    expect(huge.json).toMatchObject({ schemas: [ERROR], status: "413" });
    const poisoned = await rawPost("/Users", '{"userName":"p@example.org","__proto__":{"x":1}}');
    expect(poisoned.status).toBe(400);
    const notArray = await rawPost("/Users", "[1, 2]");
    expect(notArray.json).toMatchObject({ status: "400", scimType: "invalidSyntax" });
  });
});

/** A POST with a body sent as is, for bodies no client library would send. */
async function rawPost(path: string, body: string, contentType = "application/scim+json") {
  const response = await fetch(`${server.url}/scim/v2${path}`, {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": contentType },
    body,
  });
  const text = await response.text();
  return { status: response.status, json: JSON.parse(text), text };
}
