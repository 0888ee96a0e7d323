import { startTestServer, type TestServer } from "@tandem/testkit";
import * as client from "openid-client";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import {
  authorize,
  isActive,
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

describe("authorization codes", () => {
  test("a code is single-use; replaying it revokes the tokens it was exchanged for", async () => {
    const registered = await registerClient(server.tandem.database);
    const config = await relyingParty(server.url, registered);
    const { agent } = await signedInAgent(server.url, server.tandem);
    const attempt = await authorize(config, agent, registered.redirectUri);
    const checks = {
      pkceCodeVerifier: attempt.verifier,
      expectedState: attempt.state,
      expectedNonce: attempt.nonce,
    };
    const tokens = await client.authorizationCodeGrant(config, attempt.callback, checks);
    expect(await isActive(config, tokens.access_token)).toBe(true);

    // An attacker who intercepted the code tries it too (RFC 6749 §4.1.2, OAuth 2.1 §4.1.3).
    const replay = await oauthError(
      client.authorizationCodeGrant(config, attempt.callback, checks),
    );
    expect(replay).toEqual({ error: "invalid_grant", status: 400 });
    expect(await isActive(config, tokens.access_token)).toBe(false);
    const userinfo = await fetch(`${server.url}/oidc/me`, {
      headers: { authorization: `Bearer ${tokens.access_token}` },
    });
    expect(userinfo.status).toBe(401);
  });

  test("a code lives 60 seconds at most", async () => {
    const registered = await registerClient(server.tandem.database);
    const config = await relyingParty(server.url, registered);
    const { agent } = await signedInAgent(server.url, server.tandem);
    const before = Date.now();
    const { callback } = await authorize(config, agent, registered.redirectUri);
    const code = callback.searchParams.get("code");
    expect(code).toBeTruthy();

    // Codes are opaque: the stored row, keyed by the code itself, is where its expiry is.
    const row = await server.tandem.database.db
      .selectFrom("oidc_payloads")
      .select(["expires_at", "payload"])
      .where("model", "=", "AuthorizationCode")
      .where("id", "=", code)
      .executeTakeFirstOrThrow();
    const expiresAt = Number(row.expires_at);
    expect(expiresAt).toBeGreaterThan(before);
    expect(expiresAt - before).toBeLessThanOrEqual(60_000 + 1_000);
    expect(expiresAt - Date.now()).toBeLessThanOrEqual(60_000);
    const payload = JSON.parse(row.payload) as { iat: number; exp: number };
    expect(payload.exp - payload.iat).toBeLessThanOrEqual(60);
  });

  test("a code issued to one client cannot be redeemed by another", async () => {
    const victim = await registerClient(server.tandem.database);
    const other = await registerClient(server.tandem.database);
    const victimConfig = await relyingParty(server.url, victim);
    const otherConfig = await relyingParty(server.url, other);
    const { agent } = await signedInAgent(server.url, server.tandem);
    const attempt = await authorize(victimConfig, agent, victim.redirectUri);
    const stolen = await oauthError(
      client.authorizationCodeGrant(otherConfig, attempt.callback, {
        pkceCodeVerifier: attempt.verifier,
        expectedState: attempt.state,
        expectedNonce: attempt.nonce,
      }),
    );
    expect(stolen.error).toBe("invalid_grant");
  });
});
