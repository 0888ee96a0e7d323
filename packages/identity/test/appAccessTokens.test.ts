import { startTestServer, type TestServer } from "@tandem/testkit";
import * as client from "openid-client";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { codeFlow, REDIRECT_URI, registerClient, relyingParty, signedInAgent } from "./support.js";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server?.close());

async function appToken(scope: string, options: { admin?: boolean } = {}) {
  const { agent, user } = await signedInAgent(server.url, server.tandem, {
    name: "Jonas Becker",
    ...options,
  });
  const rp = await relyingParty(server.url, await registerClient(server.tandem.database));
  const { tokens } = await codeFlow(rp, agent, REDIRECT_URI, { scope });
  return { rp, user, token: tokens.access_token };
}

function me(token: string) {
  return fetch(`${server.url}/api/v1/me`, { headers: { authorization: `Bearer ${token}` } });
}

describe("an app's access token on Tandem's own APIs", () => {
  test("with the `api` scope it acts for the user, who comes with organisation and groups", async () => {
    const { user, token } = await appToken("openid api");
    const response = await me(token);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      id: user.id,
      email: user.email,
      organisation: { name: "Tandem", country: "FR" },
      groups: [],
    });
  });

  test("without the `api` scope it opens userinfo only", async () => {
    const { rp, user, token } = await appToken("openid email");
    expect((await client.fetchUserInfo(rp, token, user.id)).sub).toBe(user.id);
    const response = await me(token);
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ error: "insufficient_scope" });
  });

  test("an administrator's app token with `api` does not reach the admin API", async () => {
    const { token } = await appToken("openid api", { admin: true });
    expect((await me(token)).status).toBe(200);
    for (const path of ["/api/v1/admin/users", "/api/v1/admin/audit", "/api/v1/admin/instances"]) {
      const response = await fetch(`${server.url}${path}`, {
        headers: { authorization: `Bearer ${token}` },
      });
      expect(response.status, path).toBe(403);
      expect(await response.json()).toMatchObject({ error: "insufficient_scope" });
    }
  });

  test("a revoked token is refused at once", async () => {
    const { rp, token } = await appToken("openid api");
    expect((await me(token)).status).toBe(200);
    await client.tokenRevocation(rp, token, { token_type_hint: "access_token" });
    const response = await me(token);
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ error: "unauthorized" });
  });

  test("a disabled account's token is refused at once", async () => {
    const { user, token } = await appToken("openid api");
    await server.tandem.disableUser(user.email);
    expect((await me(token)).status).toBe(401);
  });

  test("a made-up token of the right shape is refused", async () => {
    expect((await me("A".repeat(43))).status).toBe(401);
  });
});
