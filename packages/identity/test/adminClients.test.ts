import type { ApiClient, TestServer } from "@tandem/testkit";
import { buildUser, OidcUserAgent } from "@tandem/testkit";
import * as client from "openid-client";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { auditOf, expectBadRequest, startAdminServer } from "./adminSupport.js";
import { codeFlow, isActive, OFFLINE, oauthError, REDIRECT_URI, relyingParty } from "./support.js";

let server: TestServer;
let admin: ApiClient;
beforeAll(async () => {
  ({ server, admin } = await startAdminServer());
});
afterAll(() => server?.close());

const listClients = async () =>
  (await admin.request("GET", "/api/v1/admin/clients")).json.clients as Array<{
    clientId: string;
    name: string;
  }>;

describe("apps (OpenID clients) in the admin API", () => {
  test("a confidential client: its secret is shown once and works at the token endpoint", async () => {
    const created = await admin.request("POST", "/api/v1/admin/clients", {
      name: "Intranet",
      redirectUris: [REDIRECT_URI],
      postLogoutRedirectUris: ["https://intranet.example/bye"],
      backchannelLogoutUri: "https://intranet.example/backchannel",
      thirdParty: true,
    });
    expect(created.status, created.text).toBe(201);
    expect(created.json).toMatchObject({
      clientId: expect.stringMatching(/^tdm_/),
      clientSecret: expect.any(String),
      name: "Intranet",
      public: false,
      firstParty: false,
      redirectUris: [REDIRECT_URI],
      postLogoutRedirectUris: ["https://intranet.example/bye"],
      backchannelLogoutUri: "https://intranet.example/backchannel",
    });
    const { clientId, clientSecret } = created.json as { clientId: string; clientSecret: string };

    const listed = await admin.request("GET", "/api/v1/admin/clients");
    expect(listed.text).not.toContain(clientSecret);
    expect(listed.json.clients.find((c: { clientId: string }) => c.clientId === clientId)).toEqual(
      expect.objectContaining({ name: "Intranet", firstParty: false }),
    );

    const config = await relyingParty(server.url, { clientId, clientSecret, redirectUri: "" });
    const granted = await client.clientCredentialsGrant(config);
    expect(granted.access_token).toBeTruthy();

    const [event] = await auditOf(admin, clientId);
    expect(event).toMatchObject({
      action: "client_added",
      outcome: "success",
      actorEmail: server.admin.email,
      details: { via: "admin", name: "Intranet", thirdParty: true },
    });
  });

  test("a public client has no secret", async () => {
    const created = await admin.request("POST", "/api/v1/admin/clients", {
      name: "Mobile",
      redirectUris: ["http://localhost:8080/cb"],
      public: true,
    });
    expect(created.status, created.text).toBe(201);
    expect(created.json).toMatchObject({ public: true, clientSecret: null, firstParty: true });
  });

  test.each([
    ["no redirect URI", { name: "A", redirectUris: [] }, /redirectUris/],
    ["a plain-http redirect URI", { name: "B", redirectUris: ["http://b.example/cb"] }, /https/],
    ["a fragment", { name: "C", redirectUris: ["https://c.example/cb#x"] }, /fragment/],
    [
      "a bad back-channel URI",
      { name: "D", redirectUris: ["https://d.example/cb"], backchannelLogoutUri: "nope" },
      /back-channel/,
    ],
    ["no name", { name: " ", redirectUris: ["https://e.example/cb"] }, /name/],
    [
      "public not a boolean",
      { name: "F", redirectUris: ["https://f.example/cb"], public: 1 },
      /public/,
    ],
  ])("%s is refused with 400 and nothing is created", async (_what, body, message) => {
    const before = (await listClients()).length;
    expectBadRequest(await admin.request("POST", "/api/v1/admin/clients", body), message);
    expect((await listClients()).length).toBe(before);
  });

  test("deleting a client ends its grants and tokens, and its secret stops working", async () => {
    const created = await admin.request("POST", "/api/v1/admin/clients", {
      name: "Short-lived",
      redirectUris: [REDIRECT_URI],
    });
    const registered = {
      clientId: created.json.clientId as string,
      clientSecret: created.json.clientSecret as string,
      redirectUri: REDIRECT_URI,
    };
    const config = await relyingParty(server.url, registered);
    const { user, password } = await buildUser(server.tandem);
    const agent = new OidcUserAgent();
    await agent.signIn(server.url, user.email, password);
    const { tokens } = await codeFlow(config, agent, REDIRECT_URI, OFFLINE);
    const refreshToken = tokens.refresh_token ?? "";
    expect(refreshToken).toBeTruthy();

    // Another app's grant for the same user must survive.
    const other = await admin.request("POST", "/api/v1/admin/clients", {
      name: "Survivor",
      redirectUris: [REDIRECT_URI],
    });
    const otherConfig = await relyingParty(server.url, {
      clientId: other.json.clientId,
      clientSecret: other.json.clientSecret,
      redirectUri: REDIRECT_URI,
    });
    const { tokens: otherTokens } = await codeFlow(otherConfig, agent, REDIRECT_URI, OFFLINE);

    const removed = await admin.request("DELETE", `/api/v1/admin/clients/${registered.clientId}`);
    expect(removed.status, removed.text).toBe(204);
    expect((await listClients()).map((c) => c.clientId)).not.toContain(registered.clientId);
    const rows = await server.tandem.database.db
      .selectFrom("oidc_payloads")
      .select("id")
      .where("payload", "like", `%${registered.clientId}%`)
      .where("model", "!=", "Session")
      .execute();
    expect(rows).toEqual([]);
    expect((await oauthError(client.refreshTokenGrant(config, refreshToken))).status).toBe(401);
    expect(await isActive(otherConfig, tokens.access_token)).toBe(false);
    expect(await isActive(otherConfig, otherTokens.access_token)).toBe(true);
    expect(
      (await client.refreshTokenGrant(otherConfig, otherTokens.refresh_token ?? "")).access_token,
    ).toBeTruthy();

    const [event] = await auditOf(admin, registered.clientId);
    expect(event).toMatchObject({ action: "client_removed", outcome: "success" });
    expect(
      (await admin.request("DELETE", `/api/v1/admin/clients/${registered.clientId}`)).status,
    ).toBe(404);
  });
});
