import {
  createTestBackend,
  OidcUserAgent,
  type SpawnedTandem,
  spawnTandem,
  type TestBackend,
} from "@tandem/testkit";
import * as client from "openid-client";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { codeFlow, OFFLINE, registerClientByCli, relyingParty } from "./support.js";

let backend: TestBackend;
let server: SpawnedTandem | undefined;
beforeAll(async () => {
  backend = await createTestBackend();
});
afterAll(async () => {
  await server?.stop();
  await backend?.dispose();
});

describe("persistence across restarts", () => {
  test("a refresh token issued before a restart works after it, and only once", async () => {
    const env = { ...backend.env, TANDEM_HOST: "127.0.0.1" };
    server = await spawnTandem(env);
    // The issuer is the URL, port included: the restarted process must keep the port.
    const port = String(server.port);
    const registered = await registerClientByCli(env);
    const admin = server.firstAdmin();
    if (!admin) throw new Error("a fresh server prints its first administrator");
    const agent = new OidcUserAgent();
    await agent.signIn(server.url, admin.email, admin.password);
    const before = await relyingParty(server.url, registered);
    const { tokens } = await codeFlow(before, agent, registered.redirectUri, OFFLINE);
    const refreshToken = tokens.refresh_token ?? "";
    expect(refreshToken).toBeTruthy();
    const sub = tokens.claims()?.sub;

    expect(await server.stop()).toBe(0);
    server = await spawnTandem({ ...env, PORT: port });
    expect(server.firstAdmin()).toBeNull();

    const after = await relyingParty(server.url, registered);
    const refreshed = await client.refreshTokenGrant(after, refreshToken);
    expect(refreshed.claims()?.sub).toBe(sub);
    expect(refreshed.claims()?.iss).toBe(server.url);
    expect((await client.fetchUserInfo(after, refreshed.access_token, sub ?? "")).sub).toBe(sub);
    // The access token issued before the restart is still known too.
    expect((await client.tokenIntrospection(after, tokens.access_token)).active).toBe(true);
    // Rotation state survived as well: the pre-restart refresh token is spent.
    await expect(client.refreshTokenGrant(after, refreshToken)).rejects.toMatchObject({
      error: "invalid_grant",
    });
  });
});
