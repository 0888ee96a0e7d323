import { startTestServer, type TestServer } from "@tandem/testkit";
import * as client from "openid-client";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { codeFlow, OFFLINE, registerClient, relyingParty, signedInAgent } from "./support.js";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server?.close());

async function signedInClient() {
  const registered = await registerClient(server.tandem.database);
  const config = await relyingParty(server.url, registered);
  const { agent, user } = await signedInAgent(server.url, server.tandem);
  const { tokens } = await codeFlow(config, agent, registered.redirectUri, OFFLINE);
  return { registered, config, user, tokens };
}

describe("token introspection (RFC 7662) and revocation (RFC 7009)", () => {
  test("the client introspects its access token and its refresh token", async () => {
    const { registered, config, user, tokens } = await signedInClient();
    const access = await client.tokenIntrospection(config, tokens.access_token);
    expect(access).toMatchObject({
      active: true,
      client_id: registered.clientId,
      sub: user.id,
      token_type: "Bearer",
      iss: server.url,
    });
    expect(access.scope?.split(" ")).toContain("openid");
    expect(access.exp).toBeGreaterThan(Date.now() / 1000);

    const refresh = await client.tokenIntrospection(config, tokens.refresh_token ?? "");
    expect(refresh).toMatchObject({
      active: true,
      client_id: registered.clientId,
      sub: user.id,
    });
    expect(refresh.scope?.split(" ")).toContain("offline_access");
  });

  test("an unknown token is simply inactive", async () => {
    const { config } = await signedInClient();
    expect(await client.tokenIntrospection(config, "no-such-token")).toEqual({ active: false });
  });

  test("another client learns nothing about tokens that are not its own", async () => {
    const { tokens } = await signedInClient();
    // Any app registered with this Tandem, holding a leaked token of another app, must not
    // learn whose it is and that it still works.
    const other = await relyingParty(server.url, await registerClient(server.tandem.database));
    expect(await client.tokenIntrospection(other, tokens.access_token)).toEqual({ active: false });
    expect(await client.tokenIntrospection(other, tokens.refresh_token ?? "")).toEqual({
      active: false,
    });
  });

  test("a revoked access token is inactive and no longer opens userinfo", async () => {
    const { config, user, tokens } = await signedInClient();
    expect((await client.fetchUserInfo(config, tokens.access_token, user.id)).sub).toBe(user.id);
    await client.tokenRevocation(config, tokens.access_token, { token_type_hint: "access_token" });
    expect(await client.tokenIntrospection(config, tokens.access_token)).toEqual({ active: false });
    const userinfo = await fetch(`${server.url}/oidc/me`, {
      headers: { authorization: `Bearer ${tokens.access_token}` },
    });
    expect(userinfo.status).toBe(401);
  });

  test("a revoked refresh token can no longer be used", async () => {
    const { config, tokens } = await signedInClient();
    await client.tokenRevocation(config, tokens.refresh_token ?? "");
    expect((await client.tokenIntrospection(config, tokens.refresh_token ?? "")).active).toBe(
      false,
    );
    await expect(
      client.refreshTokenGrant(config, tokens.refresh_token ?? ""),
    ).rejects.toMatchObject({
      error: "invalid_grant",
    });
  });
});
