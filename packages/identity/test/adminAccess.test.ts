import { ApiClient, signedInClient, type TestServer } from "@tandem/testkit";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { startAdminServer } from "./adminSupport.js";

let server: TestServer;
let admin: ApiClient;
beforeAll(async () => {
  ({ server, admin } = await startAdminServer());
});
afterAll(() => server?.close());

const ROUTES: Array<[string, string, unknown?]> = [
  ["GET", "/api/v1/admin/users"],
  ["POST", "/api/v1/admin/users", { email: "x@example.org", name: "X" }],
  ["POST", "/api/v1/admin/users/some-id/disable"],
  ["GET", "/api/v1/admin/organisations"],
  ["POST", "/api/v1/admin/organisations", { name: "X", country: "FR" }],
  ["PATCH", "/api/v1/admin/organisations/some-id", { requireMfa: true }],
  ["GET", "/api/v1/admin/clients"],
  ["POST", "/api/v1/admin/clients", { name: "X", redirectUris: ["https://x.example/cb"] }],
  ["DELETE", "/api/v1/admin/clients/some-id"],
  ["GET", "/api/v1/admin/upstreams"],
  ["DELETE", "/api/v1/admin/upstreams/some-id"],
];

describe("who may use the admin API", () => {
  test.each(ROUTES)("%s %s: 401 signed out, 403 for a member", async (method, path, body) => {
    const signedOut = await new ApiClient(server.url).request(method, path, body);
    expect(signedOut.status).toBe(401);
    const { client: member } = await signedInClient(server.url, server.tandem);
    const refused = await member.request(method, path, body);
    expect(refused.status).toBe(403);
    expect(refused.json).toMatchObject({ error: "forbidden" });
  });

  test("nothing a member tried was created", async () => {
    const users = await admin.request("GET", "/api/v1/admin/users?q=x@example.org");
    expect(users.json.total).toBe(0);
    const clients = await admin.request("GET", "/api/v1/admin/clients");
    expect(clients.json.clients).toEqual([]);
  });

  test("an administrator's token needs the admin scope: api alone does not reach the admin API", async () => {
    const user = await server.tandem.accounts.byEmail(server.admin.email);
    const tokenWith = async (scopes: Array<"api" | "scim" | "admin">) =>
      (await server.tandem.access.createToken(user, { expiresAt: null, scopes })).token;
    const list = async (token: string) =>
      new ApiClient(server.url, { bearer: token }).request("GET", "/api/v1/admin/organisations");
    const withApi = await list(await tokenWith(["api"]));
    expect(withApi.status).toBe(403);
    expect(withApi.json).toEqual({
      error: "insufficient_scope",
      message: 'This access token lacks the "admin" scope.',
    });
    expect((await list(await tokenWith(["scim"]))).status).toBe(403);
    expect((await list(await tokenWith(["admin"]))).status).toBe(200);
    expect((await list(await tokenWith(["api", "admin"]))).status).toBe(200);
    // The kernel's admin routes ask the same.
    const audit = (token: string) =>
      new ApiClient(server.url, { bearer: token }).request("GET", "/api/v1/admin/audit");
    expect((await audit(await tokenWith(["api"]))).status).toBe(403);
    expect((await audit(await tokenWith(["admin"]))).status).toBe(200);
  });

  test("a cookie-borne change from another origin is refused", async () => {
    const response = await admin.request(
      "POST",
      "/api/v1/admin/organisations",
      { name: "Cross", country: "FR" },
      { origin: "https://evil.example" },
    );
    expect(response.status).toBe(403);
  });
});
