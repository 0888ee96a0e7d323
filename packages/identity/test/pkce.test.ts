import { startTestServer, type TestServer } from "@tandem/testkit";
import * as client from "openid-client";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { authorize, registerClient, relyingParty, signedInAgent } from "./support.js";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server?.close());

/**
 * The browser is signed in for each request below, so a provider that let the request
 * through would answer with a code: only the PKCE rule stands in the way.
 */
describe("PKCE is required, S256 only", () => {
  test.each([
    ["a confidential client", {}],
    ["a public client", { public: true }],
  ])(
    "%s without code_challenge gets invalid_request back at its redirect URI",
    async (_kind, overrides) => {
      const registered = await registerClient(server.tandem.database, overrides);
      const config = await relyingParty(server.url, registered);
      const { agent } = await signedInAgent(server.url, server.tandem);
      const state = client.randomState();
      const url = client.buildAuthorizationUrl(config, {
        redirect_uri: registered.redirectUri,
        scope: "openid",
        state,
      });
      const callback = await agent.authorize(url, registered.redirectUri);
      expect(callback.searchParams.get("error")).toBe("invalid_request");
      expect(callback.searchParams.get("code")).toBeNull();
      expect(callback.searchParams.get("state")).toBe(state);
      expect(callback.searchParams.get("iss")).toBe(server.url);
    },
  );

  test("code_challenge_method=plain is refused", async () => {
    const registered = await registerClient(server.tandem.database);
    const config = await relyingParty(server.url, registered);
    const { agent } = await signedInAgent(server.url, server.tandem);
    const verifier = client.randomPKCECodeVerifier();
    const { callback } = await authorize(config, agent, registered.redirectUri, {
      code_challenge: verifier,
      code_challenge_method: "plain",
    });
    expect(callback.searchParams.get("code")).toBeNull();
    expect(callback.searchParams.get("error")).toBe("invalid_request");
  });

  test("a code_challenge without a method is refused, not taken as plain", async () => {
    const registered = await registerClient(server.tandem.database);
    const config = await relyingParty(server.url, registered);
    const { agent } = await signedInAgent(server.url, server.tandem);
    // RFC 7636 would default a missing method to plain; S256 must be asked for by name.
    const url = client.buildAuthorizationUrl(config, {
      redirect_uri: registered.redirectUri,
      scope: "openid",
      code_challenge: await client.calculatePKCECodeChallenge(client.randomPKCECodeVerifier()),
    });
    const callback = await agent.authorize(url, registered.redirectUri);
    expect(callback.searchParams.get("code")).toBeNull();
    expect(callback.searchParams.get("error")).toBe("invalid_request");
  });
});
