import { startTestServer, type TestServer } from "@tandem/testkit";
import * as client from "openid-client";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { basicAuth, oauthError, postToken, registerClient, relyingParty } from "./support.js";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server?.close());

describe("client credentials grant", () => {
  test("a confidential client gets an access token for itself, with no user in it", async () => {
    const registered = await registerClient(server.tandem.database);
    const config = await relyingParty(server.url, registered);
    const tokens = await client.clientCredentialsGrant(config);
    expect(tokens.token_type.toLowerCase()).toBe("bearer");
    expect(tokens.id_token).toBeUndefined();
    expect(tokens.refresh_token).toBeUndefined();
    expect(tokens.expires_in).toBeGreaterThan(0);
    expect(tokens.expires_in).toBeLessThanOrEqual(600);

    const introspected = await client.tokenIntrospection(config, tokens.access_token);
    expect(introspected).toMatchObject({ active: true, client_id: registered.clientId });
    expect(introspected.sub).toBeUndefined();
  });

  test("a public client cannot use it", async () => {
    const registered = await registerClient(server.tandem.database, { public: true });
    const response = await postToken(
      server.url,
      new URLSearchParams({
        grant_type: "client_credentials",
        client_id: registered.clientId,
      }).toString(),
    );
    expect(response.status).toBe(400);
    const body = JSON.parse(response.text);
    expect(body.access_token).toBeUndefined();
    // RFC 6749 §5.2 names this unauthorized_client; oidc-provider answers invalid_request.
    expect(["unauthorized_client", "invalid_request"]).toContain(body.error);
    expect(body.error_description).toMatch(/grant type is not allowed/);
  });

  test("a wrong secret is invalid_client, and no token is issued", async () => {
    const registered = await registerClient(server.tandem.database);
    const wrong = await relyingParty(server.url, { ...registered, clientSecret: "not-the-secret" });
    expect(await oauthError(client.clientCredentialsGrant(wrong))).toEqual({
      error: "invalid_client",
      status: 401,
    });
  });

  test("another client's secret does not authenticate this one", async () => {
    const registered = await registerClient(server.tandem.database);
    const other = await registerClient(server.tandem.database);
    const response = await postToken(
      server.url,
      "grant_type=client_credentials",
      basicAuth({ ...registered, clientSecret: other.clientSecret }),
    );
    expect(response.status).toBe(401);
    expect(JSON.parse(response.text)).toMatchObject({ error: "invalid_client" });
  });

  test("with no client authentication at all, nothing is issued", async () => {
    const response = await postToken(server.url, "grant_type=client_credentials");
    expect(response.status).toBe(400);
    expect(JSON.parse(response.text)).toMatchObject({ error: "invalid_request" });
  });
});
