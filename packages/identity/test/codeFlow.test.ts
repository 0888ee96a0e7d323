import { buildUser, OidcUserAgent, startTestServer, type TestServer } from "@tandem/testkit";
import * as client from "openid-client";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import {
  authorize,
  codeFlow,
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

describe("authorization code flow with PKCE S256", () => {
  test.each([
    ["a confidential client", {}],
    ["a public client", { public: true }],
  ])("%s signs a Tandem user in: ID token, then userinfo", async (_kind, overrides) => {
    const registered = await registerClient(server.tandem.database, overrides);
    expect(Boolean(registered.clientSecret)).toBe(!("public" in overrides));
    const config = await relyingParty(server.url, registered);
    const { agent, user } = await signedInAgent(server.url, server.tandem, {
      name: "Agathe Dupont",
    });

    const { tokens } = await codeFlow(config, agent, registered.redirectUri);
    expect(tokens.token_type.toLowerCase()).toBe("bearer");
    // openid-client has checked the signature, iss, aud, nonce and expiry already.
    const claims = tokens.claims();
    expect(claims).toMatchObject({ iss: server.url, aud: registered.clientId, sub: user.id });

    const info = await client.fetchUserInfo(config, tokens.access_token, user.id);
    expect(info).toMatchObject({
      sub: user.id,
      email: user.email,
      email_verified: true,
      name: "Agathe Dupont",
    });
  });

  test("the ID token is RS256 and carries the e-mail and name asked for by scope", async () => {
    const registered = await registerClient(server.tandem.database);
    const config = await relyingParty(server.url, registered);
    const { agent, user } = await signedInAgent(server.url, server.tandem, { name: "Jonas Weber" });
    const { tokens } = await codeFlow(config, agent, registered.redirectUri);
    const idToken = tokens.id_token ?? "";
    const header = JSON.parse(Buffer.from(idToken.split(".")[0] ?? "", "base64url").toString());
    expect(header.alg).toBe("RS256");
    expect(tokens.claims()).toMatchObject({ sub: user.id, email: user.email, name: "Jonas Weber" });
  });

  test("a wrong code_verifier is invalid_grant, for a confidential and a public client", async () => {
    for (const overrides of [{}, { public: true }]) {
      const registered = await registerClient(server.tandem.database, overrides);
      const config = await relyingParty(server.url, registered);
      const { agent } = await signedInAgent(server.url, server.tandem);
      const attempt = await authorize(config, agent, registered.redirectUri);
      const failed = await oauthError(
        client.authorizationCodeGrant(config, attempt.callback, {
          pkceCodeVerifier: client.randomPKCECodeVerifier(),
          expectedState: attempt.state,
          expectedNonce: attempt.nonce,
        }),
      );
      expect(failed).toEqual({ error: "invalid_grant", status: 400 });
    }
  });

  test("a browser without a Tandem session is sent to the sign-in page, then back to the flow", async () => {
    const registered = await registerClient(server.tandem.database);
    const config = await relyingParty(server.url, registered);
    const anonymous = new OidcUserAgent();
    const verifier = client.randomPKCECodeVerifier();
    const url = client.buildAuthorizationUrl(config, {
      redirect_uri: registered.redirectUri,
      scope: "openid",
      code_challenge: await client.calculatePKCECodeChallenge(verifier),
      code_challenge_method: "S256",
    });
    const stopped = await anonymous.follow(url, (next) => next.pathname === "/");
    const signIn = stopped.location;
    expect(signIn?.origin).toBe(server.url);
    const back = signIn?.searchParams.get("continue") ?? "";
    expect(back).toMatch(/^\/oidc\/interaction\/[\w-]+$/);

    // Signing in on Tandem's page, then following `continue`, completes the same request.
    const { user, password } = await buildUser(server.tandem);
    await anonymous.signIn(server.url, user.email, password);
    const callback = await anonymous.authorize(new URL(back, server.url), registered.redirectUri);
    const tokens = await client.authorizationCodeGrant(config, callback, {
      pkceCodeVerifier: verifier,
      idTokenExpected: true,
    });
    expect(tokens.claims()?.sub).toBe(user.id);
    expect(await isActive(config, tokens.access_token)).toBe(true);
  });
});
