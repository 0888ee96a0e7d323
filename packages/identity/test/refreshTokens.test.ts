import { startTestServer, type TestServer } from "@tandem/testkit";
import * as client from "openid-client";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import {
  codeFlow,
  isActive,
  OFFLINE,
  oauthError,
  registerClient,
  relyingParty,
  signedInAgent,
} from "./support.js";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server?.close());

/** A client with a signed-in user's offline access: its configuration and first tokens. */
async function offlineSession(overrides: { public?: boolean } = {}) {
  const registered = await registerClient(server.tandem.database, overrides);
  const config = await relyingParty(server.url, registered);
  const { agent, user } = await signedInAgent(server.url, server.tandem);
  const { tokens } = await codeFlow(config, agent, registered.redirectUri, OFFLINE);
  if (!tokens.refresh_token) throw new Error("offline_access with consent gave no refresh token");
  return { config, user, tokens, refreshToken: tokens.refresh_token };
}

describe("refresh tokens", () => {
  test("without offline_access there is no refresh token", async () => {
    const registered = await registerClient(server.tandem.database);
    const config = await relyingParty(server.url, registered);
    const { agent } = await signedInAgent(server.url, server.tandem);
    const { tokens } = await codeFlow(config, agent, registered.redirectUri);
    expect(tokens.refresh_token).toBeUndefined();
  });

  test.each([
    ["a confidential client", {}],
    ["a public client", { public: true }],
  ])(
    "%s: each refresh rotates the refresh token and issues a working access token",
    async (_kind, overrides) => {
      const { config, user, refreshToken } = await offlineSession(overrides);
      const refreshed = await client.refreshTokenGrant(config, refreshToken);
      expect(refreshed.refresh_token).toBeTruthy();
      expect(refreshed.refresh_token).not.toBe(refreshToken);
      expect(refreshed.claims()?.sub).toBe(user.id);
      const info = await client.fetchUserInfo(config, refreshed.access_token, user.id);
      expect(info.sub).toBe(user.id);

      const again = await client.refreshTokenGrant(config, refreshed.refresh_token ?? "");
      expect(again.refresh_token).not.toBe(refreshed.refresh_token);
    },
  );

  test("replaying a used refresh token is invalid_grant and revokes the whole grant", async () => {
    const { config, tokens, refreshToken } = await offlineSession();
    const refreshed = await client.refreshTokenGrant(config, refreshToken);
    const newest = refreshed.refresh_token ?? "";
    expect(await isActive(config, newest)).toBe(true);
    expect(await isActive(config, refreshed.access_token)).toBe(true);

    // The old token comes back: someone else holds a copy, so nothing of this grant is safe.
    expect(await oauthError(client.refreshTokenGrant(config, refreshToken))).toEqual({
      error: "invalid_grant",
      status: 400,
    });
    expect(await isActive(config, newest)).toBe(false);
    expect(await isActive(config, refreshed.access_token)).toBe(false);
    expect(await isActive(config, tokens.access_token)).toBe(false);
    expect((await oauthError(client.refreshTokenGrant(config, newest))).error).toBe(
      "invalid_grant",
    );
  });

  test("a refresh token is bound to its client", async () => {
    const { refreshToken } = await offlineSession();
    const thief = await relyingParty(server.url, await registerClient(server.tandem.database));
    expect((await oauthError(client.refreshTokenGrant(thief, refreshToken))).error).toBe(
      "invalid_grant",
    );
  });

  test("refresh tokens expire absolutely, in at most 14 days", async () => {
    const { refreshToken } = await offlineSession();
    const row = await server.tandem.database.db
      .selectFrom("oidc_payloads")
      .select("expires_at")
      .where("model", "=", "RefreshToken")
      .where("id", "=", refreshToken)
      .executeTakeFirstOrThrow();
    expect(row.expires_at).not.toBeNull();
    expect(Number(row.expires_at) - Date.now()).toBeLessThanOrEqual(14 * 24 * 3_600_000);
  });
});
