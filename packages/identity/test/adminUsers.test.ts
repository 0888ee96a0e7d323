import { ApiClient, buildUser, OidcUserAgent, type TestServer } from "@tandem/testkit";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { auditOf, expectBadRequest, startAdminServer } from "./adminSupport.js";
import { codeFlow, isActive, OFFLINE, registerClient, relyingParty } from "./support.js";

let server: TestServer;
let admin: ApiClient;
beforeAll(async () => {
  ({ server, admin } = await startAdminServer());
});
afterAll(() => server?.close());

const PASSWORD = "a perfectly fine first passphrase";

async function createOrganisation(name: string) {
  const response = await admin.request("POST", "/api/v1/admin/organisations", {
    name,
    country: "DE",
  });
  expect(response.status, response.text).toBe(201);
  return response.json as { id: string; name: string };
}

describe("accounts in the admin API", () => {
  test("an account is created in the organisation chosen, with a password it signs in with", async () => {
    const organisation = await createOrganisation("Stadt Lübeck");
    const created = await admin.request("POST", "/api/v1/admin/users", {
      email: "  Anna.Schmidt@Luebeck.example ",
      name: "Anna Schmidt",
      organisationId: organisation.id,
      role: "member",
      password: PASSWORD,
    });
    expect(created.status, created.text).toBe(201);
    expect(created.json).toMatchObject({
      email: "anna.schmidt@luebeck.example",
      name: "Anna Schmidt",
      isAdmin: false,
      disabled: false,
      organisation: { id: organisation.id, name: "Stadt Lübeck" },
    });
    const browser = new ApiClient(server.url);
    expect((await browser.signIn("anna.schmidt@luebeck.example", PASSWORD)).status).toBe(200);

    const events = await auditOf(admin, "anna.schmidt@luebeck.example");
    expect(events.find((e) => e.action === "user_created")).toMatchObject({
      action: "user_created",
      outcome: "success",
      actorEmail: server.admin.email,
      details: { via: "admin", role: "member" },
    });
  });

  test("an administrator without a password lands in the deployment's organisation", async () => {
    const created = await admin.request("POST", "/api/v1/admin/users", {
      email: "second.admin@example.org",
      name: "Second Admin",
      role: "admin",
    });
    expect(created.status, created.text).toBe(201);
    expect(created.json.isAdmin).toBe(true);
    expect(created.json.organisation?.name).toBeTruthy();
    const browser = new ApiClient(server.url);
    expect((await browser.signIn("second.admin@example.org", "anything at all here")).status).toBe(
      401,
    );
  });

  test.each([
    ["a malformed e-mail", { email: "not-an-address", name: "X" }, /e-mail/],
    ["no name", { email: "noname@example.org", name: "   " }, /name/],
    ["an unknown role", { email: "role@example.org", name: "R", role: "owner" }, /role/],
    ["a short password", { email: "short@example.org", name: "S", password: "short" }, /12/],
    [
      "an unknown organisation",
      { email: "org@example.org", name: "O", organisationId: "nope" },
      /organisation/,
    ],
    ["a body that is not an object", "just text", /body|expected object/i],
  ])("%s is refused with 400 and nothing is created", async (_what, body, message) => {
    expectBadRequest(await admin.request("POST", "/api/v1/admin/users", body), message);
    if (typeof body === "object") {
      const found = await admin.request(
        "GET",
        `/api/v1/admin/users?q=${encodeURIComponent(body.email)}`,
      );
      expect(found.json.total).toBe(0);
    }
  });

  test("an e-mail already taken is a conflict, and the failure is audited", async () => {
    const body = { email: "twice@example.org", name: "Twice" };
    expect((await admin.request("POST", "/api/v1/admin/users", body)).status).toBe(201);
    const again = await admin.request("POST", "/api/v1/admin/users", body);
    expect(again.status).toBe(409);
    const [failure] = await auditOf(admin, "twice@example.org");
    expect(failure).toMatchObject({
      action: "user_created",
      outcome: "failure",
      details: { reason: expect.stringContaining("exists") },
    });
  });

  test("the list searches e-mails and names, whatever the case, and pages", async () => {
    for (const n of [1, 2, 3]) {
      const response = await admin.request("POST", "/api/v1/admin/users", {
        email: `pager${n}@search.example`,
        name: `Paged Person_${n}`,
      });
      expect(response.status).toBe(201);
    }
    const byName = await admin.request("GET", "/api/v1/admin/users?q=PAGED%20person");
    expect(byName.json.total).toBe(3);
    // A LIKE wildcard typed by the admin is matched literally.
    const literal = await admin.request("GET", "/api/v1/admin/users?q=person_2");
    expect(literal.json.users.map((u: { email: string }) => u.email)).toEqual([
      "pager2@search.example",
    ]);
    const page = await admin.request("GET", "/api/v1/admin/users?q=search.example&limit=2");
    expect(page.json.users.map((u: { email: string }) => u.email)).toEqual([
      "pager1@search.example",
      "pager2@search.example",
    ]);
    const next = await admin.request(
      "GET",
      "/api/v1/admin/users?q=search.example&limit=2&offset=2",
    );
    expect(next.json).toMatchObject({ total: 3, users: [{ email: "pager3@search.example" }] });
    expectBadRequest(await admin.request("GET", "/api/v1/admin/users?limit=0"), /limit/);
  });

  test("disabling ends the user's session, tokens and the provider's grants at once", async () => {
    const { user, password } = await buildUser(server.tandem);
    const member = new ApiClient(server.url);
    expect((await member.signIn(user.email, password)).status).toBe(200);
    const { token } = await server.tandem.access.createToken(user, { expiresAt: null });
    const script = new ApiClient(server.url, { bearer: token });
    const registered = await registerClient(server.tandem.database);
    const config = await relyingParty(server.url, registered);
    const agent = new OidcUserAgent();
    await agent.signIn(server.url, user.email, password);
    const { tokens } = await codeFlow(config, agent, registered.redirectUri, OFFLINE);
    expect(await isActive(config, tokens.access_token)).toBe(true);

    const disabled = await admin.request("POST", `/api/v1/admin/users/${user.id}/disable`);
    expect(disabled.status, disabled.text).toBe(200);
    expect(disabled.json).toMatchObject({ id: user.id, disabled: true });
    expect((await member.request("GET", "/api/v1/me")).status).toBe(401);
    expect((await script.request("GET", "/api/v1/me")).status).toBe(401);
    expect(await isActive(config, tokens.access_token)).toBe(false);
    expect(await isActive(config, tokens.refresh_token ?? "")).toBe(false);
    expect((await new ApiClient(server.url).signIn(user.email, password)).status).toBe(401);

    const events = await auditOf(admin, user.email);
    expect(events.find((e) => e.action === "user_disabled")).toMatchObject({
      action: "user_disabled",
      outcome: "success",
      actorEmail: server.admin.email,
    });
  });

  test("an administrator cannot disable their own account, nor an unknown one", async () => {
    const me = await server.tandem.accounts.byEmail(server.admin.email);
    expectBadRequest(
      await admin.request("POST", `/api/v1/admin/users/${me.id}/disable`),
      /own account/,
    );
    expect((await admin.request("POST", "/api/v1/admin/users/unknown/disable")).status).toBe(404);
  });
});
