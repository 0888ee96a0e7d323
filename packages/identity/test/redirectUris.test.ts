import { startTestServer, type TestServer } from "@tandem/testkit";
import * as client from "openid-client";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { REDIRECT_URI, registerClient, relyingParty, signedInAgent } from "./support.js";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server?.close());

describe("redirect URIs match exactly", () => {
  test.each([
    ["a trailing slash", `${REDIRECT_URI}/`],
    ["a query", `${REDIRECT_URI}?next=/admin`],
    ["a different case", REDIRECT_URI.replace("/callback", "/Callback")],
    ["another port", REDIRECT_URI.replace(":9/", ":10/")],
    ["another host", REDIRECT_URI.replace("127.0.0.1", "localhost")],
    ["https instead of http", REDIRECT_URI.replace("http:", "https:")],
  ])("a redirect_uri differing by %s is refused on the provider's own page", async (_what, uri) => {
    const registered = await registerClient(server.tandem.database);
    const config = await relyingParty(server.url, registered);
    const { agent } = await signedInAgent(server.url, server.tandem);
    const url = client.buildAuthorizationUrl(config, {
      redirect_uri: uri,
      scope: "openid",
      code_challenge: await client.calculatePKCECodeChallenge(client.randomPKCECodeVerifier()),
      code_challenge_method: "S256",
    });
    // Stop at the first redirect that leaves the provider: there must be none.
    const result = await agent.follow(url, (next) => next.origin !== server.url);
    expect(result.location, "the provider redirected to an unregistered URI").toBeUndefined();
    expect(result.status).toBe(400);
    expect(result.headers.get("content-type")).toContain("text/html");
    expect(result.body).toContain("invalid_redirect_uri");
    expect(result.body).not.toContain(uri);
  });

  test("the registered URI itself is accepted", async () => {
    const registered = await registerClient(server.tandem.database);
    const config = await relyingParty(server.url, registered);
    const { agent } = await signedInAgent(server.url, server.tandem);
    const url = client.buildAuthorizationUrl(config, {
      redirect_uri: REDIRECT_URI,
      scope: "openid",
      code_challenge: await client.calculatePKCECodeChallenge(client.randomPKCECodeVerifier()),
      code_challenge_method: "S256",
    });
    const callback = await agent.authorize(url, REDIRECT_URI);
    expect(callback.href.startsWith(`${REDIRECT_URI}?`)).toBe(true);
    expect(callback.searchParams.get("code")).toBeTruthy();
  });
});
