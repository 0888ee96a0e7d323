import type { ApiClient, TestServer } from "@tandem/testkit";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { auditOf, expectBadRequest, startAdminServer } from "./adminSupport.js";

let server: TestServer;
let admin: ApiClient;
beforeAll(async () => {
  ({ server, admin } = await startAdminServer());
});
afterAll(() => server?.close());

const SECRET = "the upstream's client secret, never shown again";
const valid = {
  name: "Keycloak du ministère",
  issuer: "https://sso.ministere.example/realms/agents/",
  clientId: "tandem",
  clientSecret: SECRET,
  domains: ["Ministere.example", "agents.ministere.example"],
  profile: "oidc",
  federation: "fr",
};

const list = async () => {
  const response = await admin.request("GET", "/api/v1/admin/upstreams");
  expect(response.status).toBe(200);
  expect(response.text).not.toContain(SECRET);
  return response.json.upstreams as Array<{ id: string; issuer: string }>;
};

describe("upstream identity providers in the admin API", () => {
  test("added without showing the secret back, used for sign-in discovery, then removed", async () => {
    const added = await admin.request("POST", "/api/v1/admin/upstreams", valid);
    expect(added.status, added.text).toBe(201);
    expect(added.text).not.toContain(SECRET);
    expect(added.json).toMatchObject({
      name: "Keycloak du ministère",
      issuer: "https://sso.ministere.example/realms/agents",
      clientId: "tandem",
      domains: ["ministere.example", "agents.ministere.example"],
      profile: "oidc",
      federation: "FR",
    });
    expect((await list()).map((u) => u.id)).toContain(added.json.id);
    const discover = await admin.request(
      "GET",
      "/api/v1/auth/discover?email=agent@ministere.example",
    );
    expect(discover.json).toMatchObject({ method: "redirect", provider: "Keycloak du ministère" });

    const removed = await admin.request("DELETE", `/api/v1/admin/upstreams/${added.json.id}`);
    expect(removed.status, removed.text).toBe(204);
    expect(await list()).toEqual([]);
    const after = await admin.request("GET", "/api/v1/auth/discover?email=agent@ministere.example");
    expect(after.json).toEqual({ method: "password" });

    const events = await auditOf(admin, "https://sso.ministere.example/realms/agents");
    expect(events.map((e) => `${e.action}:${e.outcome}`)).toEqual([
      "upstream_removed:success",
      "upstream_added:success",
    ]);
    expect(JSON.stringify(events)).not.toContain(SECRET);
    expect((await admin.request("DELETE", `/api/v1/admin/upstreams/${added.json.id}`)).status).toBe(
      404,
    );
  });

  test.each([
    ["an issuer that is not https", { ...valid, issuer: "http://idp.example" }, /https/],
    ["no domain", { ...valid, domains: [] }, /domains/],
    ["a domain that is not one", { ...valid, domains: ["not a domain"] }, /domain/],
    ["an unknown profile", { ...valid, profile: "saml" }, /profile/],
    ["no client secret", { ...valid, clientSecret: "" }, /clientSecret/],
    ["a federation that is not a country", { ...valid, federation: "Europe" }, /federation/],
  ])("%s is refused with 400 and nothing is added", async (_what, body, message) => {
    expectBadRequest(await admin.request("POST", "/api/v1/admin/upstreams", body), message);
    expect(await list()).toEqual([]);
  });

  test("a domain already bound to another provider is a conflict", async () => {
    const first = await admin.request("POST", "/api/v1/admin/upstreams", {
      ...valid,
      issuer: "https://one.example",
      domains: ["shared.example"],
    });
    expect(first.status).toBe(201);
    const second = await admin.request("POST", "/api/v1/admin/upstreams", {
      ...valid,
      issuer: "https://two.example",
      domains: ["shared.example"],
    });
    expect(second.status).toBe(409);
    expect((await list()).map((u) => u.issuer)).toEqual(["https://one.example"]);
  });
});
