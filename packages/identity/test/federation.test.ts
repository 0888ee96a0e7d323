import { UpstreamStore } from "@tandem/identity";
import {
  OidcUserAgent,
  startTestServer,
  type TestServer,
  UpstreamProviderDouble,
} from "@tandem/testkit";
import * as client from "openid-client";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { REDIRECT_URI, registerClient, relyingParty } from "./support.js";

const AGENT = {
  sub: "pc-agent-1",
  email: "jean.dupont@interieur.gouv.fr",
  given_name: "Jean",
  usual_name: "Dupont",
  siret: "13002526500013",
};
const INTRUDER = { ...AGENT, sub: "pc-agent-2", email: "someone@elsewhere.fr" };

/**
 * The sign-in page's part, played by the test: the provider sent the browser to
 * `/?continue=…`; the page asks where this e-mail signs in and follows the answer.
 */
async function signInThroughBroker(
  server: TestServer,
  agent: OidcUserAgent,
  authorizationUrl: URL,
  email: string,
) {
  const atSignIn = await agent.follow(authorizationUrl, (next) =>
    next.href.startsWith(REDIRECT_URI),
  );
  const continueTo = atSignIn.url.searchParams.get("continue");
  expect(continueTo, `expected the sign-in page, got ${atSignIn.url.href}`).toMatch(
    /^\/oidc\/interaction\//,
  );
  const discover = await fetch(
    `${server.url}/api/v1/auth/discover?email=${encodeURIComponent(email)}`,
  );
  const route = (await discover.json()) as { method: string; url: string };
  expect(route.method).toBe("redirect");
  const start = new URL(
    `${route.url}&continue=${encodeURIComponent(continueTo ?? "")}`,
    server.url,
  );
  return agent.follow(start, (next) => next.href.startsWith(REDIRECT_URI));
}

describe("federation broker with a ProConnect-profile upstream", () => {
  let paris: TestServer;
  let proconnect: UpstreamProviderDouble;
  let rp: client.Configuration;

  beforeAll(async () => {
    paris = await startTestServer();
    proconnect = await UpstreamProviderDouble.start({
      profile: "proconnect",
      accounts: [AGENT, INTRUDER],
      client: {
        clientId: "paris",
        clientSecret: "paris-secret",
        redirectUri: `${paris.url}/federation/callback`,
      },
    });
    await new UpstreamStore(paris.tandem.database).add({
      name: "ProConnect",
      issuer: proconnect.issuer,
      clientId: "paris",
      clientSecret: "paris-secret",
      profile: "proconnect",
      domains: ["interieur.gouv.fr", "elsewhere.fr".replace("elsewhere", "justice")],
      federation: "FR",
    });
    rp = await relyingParty(paris.url, await registerClient(paris.tandem.database));
  });
  afterAll(async () => {
    await proconnect?.close();
    await paris?.close();
  });

  const request = async (params: Record<string, string> = {}) => {
    const verifier = client.randomPKCECodeVerifier();
    const state = client.randomState();
    const url = client.buildAuthorizationUrl(rp, {
      redirect_uri: REDIRECT_URI,
      scope: "openid email profile organisation",
      code_challenge: await client.calculatePKCECodeChallenge(verifier),
      code_challenge_method: "S256",
      state,
      ...params,
    });
    return { url, verifier, state };
  };

  test("discovery routes bound domains upstream and others to the password", async () => {
    const local = await fetch(`${paris.url}/api/v1/auth/discover?email=someone@example.org`);
    expect(await local.json()).toEqual({ method: "password" });
    const bound = await fetch(`${paris.url}/api/v1/auth/discover?email=X@Interieur.Gouv.FR`);
    expect(await bound.json()).toMatchObject({ method: "redirect", provider: "ProConnect" });
  });

  test("an agent signs in through ProConnect: account created just in time, claims mapped, login_hint forwarded", async () => {
    const agent = new OidcUserAgent();
    const { url, verifier, state } = await request();
    const end = await signInThroughBroker(paris, agent, url, AGENT.email);
    expect(end.location?.searchParams.get("code")).toBeTruthy();
    expect(proconnect.requests.at(-1)?.loginHint).toBe(AGENT.email);
    const tokens = await client.authorizationCodeGrant(rp, end.location as URL, {
      pkceCodeVerifier: verifier,
      expectedState: state,
    });
    const userinfo = await client.fetchUserInfo(
      rp,
      tokens.access_token,
      tokens.claims()?.sub ?? "",
    );
    expect(userinfo).toMatchObject({
      email: AGENT.email,
      given_name: "Jean",
      family_name: "Dupont",
      org_id: AGENT.siret,
      home_federation: "FR",
    });

    // A second sign-in finds the same account through (issuer, sub), not a new one.
    const again = new OidcUserAgent();
    const second = await request();
    const end2 = await signInThroughBroker(paris, again, second.url, AGENT.email);
    const tokens2 = await client.authorizationCodeGrant(rp, end2.location as URL, {
      pkceCodeVerifier: second.verifier,
      expectedState: second.state,
    });
    expect(tokens2.claims()?.sub).toBe(tokens.claims()?.sub);
  });

  test("an answer for a domain the upstream is not bound to is refused", async () => {
    const agent = new OidcUserAgent();
    const { url } = await request();
    // The intruder's e-mail routes nowhere; the page would not send it upstream, so force the route.
    const atSignIn = await agent.follow(url, (next) => next.href.startsWith(REDIRECT_URI));
    const continueTo = atSignIn.url.searchParams.get("continue") ?? "";
    const upstream = (await new UpstreamStore(paris.tandem.database).list())[0];
    const start = new URL(
      `/federation/${upstream?.id}/start?login_hint=${encodeURIComponent(INTRUDER.email)}&continue=${encodeURIComponent(continueTo)}`,
      paris.url,
    );
    const end = await agent.follow(start, (next) => next.href.startsWith(REDIRECT_URI));
    expect(end.status).toBe(403);
    expect(end.body).toContain("may not vouch for elsewhere.fr addresses");
    expect(await paris.tandem.accounts.users.byEmail(INTRUDER.email)).toBeUndefined();
  });

  test("a requested acr is forwarded upstream and a weaker answer refused", async () => {
    const agent = new OidcUserAgent();
    const { url } = await request({ acr_values: "eidas2" });
    proconnect.nextAcr = "eidas1";
    const refused = await signInThroughBroker(paris, agent, url, AGENT.email);
    expect(proconnect.requests.at(-1)?.acrValues).toBe("eidas2");
    expect(refused.status).toBe(403);
    expect(refused.body).toContain("weaker (eidas1) than required (eidas2)");
  });

  test("a requested acr met upstream is stated to the app in its ID token", async () => {
    const agent = new OidcUserAgent();
    const { url, verifier, state } = await request({ acr_values: "eidas2" });
    proconnect.nextAcr = "eidas2";
    const end = await signInThroughBroker(paris, agent, url, AGENT.email);
    const tokens = await client.authorizationCodeGrant(rp, end.location as URL, {
      pkceCodeVerifier: verifier,
      expectedState: state,
    });
    expect(tokens.claims()).toMatchObject({ acr: "eidas2", amr: ["pwd"] });
    proconnect.nextAcr = "eidas1";
  });

  test("an upstream answering garbage for tokens is a 502 page naming it, not the library's words", async () => {
    const agent = new OidcUserAgent();
    const { url } = await request();
    proconnect.tokenGarbage = "<html>Service Unavailable</html>";
    try {
      const end = await signInThroughBroker(paris, agent, url, AGENT.email);
      expect(end.status).toBe(502);
      expect(end.body).toContain("The sign-in with ProConnect failed.");
      // openid-client's text ("failed to parse … as JSON") is for the log, not the user.
      expect(end.body).not.toMatch(/JSON|parse|refused:/i);
    } finally {
      proconnect.tokenGarbage = undefined;
    }
  });

  test("a replayed callback is refused", async () => {
    const agent = new OidcUserAgent();
    const { url } = await request();
    proconnect.nextAcr = "eidas1";
    const atSignIn = await agent.follow(url, (next) => next.href.startsWith(REDIRECT_URI));
    const continueTo = atSignIn.url.searchParams.get("continue") ?? "";
    const upstream = (await new UpstreamStore(paris.tandem.database).list())[0];
    const start = new URL(
      `/federation/${upstream?.id}/start?login_hint=${encodeURIComponent(AGENT.email)}&continue=${encodeURIComponent(continueTo)}`,
      paris.url,
    );
    const callback = await agent.follow(start, (next) => next.pathname === "/federation/callback");
    expect(callback.location).toBeDefined();
    const first = await agent.fetch(callback.location as URL);
    expect(first.status).toBe(303);
    const replay = await agent.fetch(callback.location as URL);
    expect(replay.status).toBe(400);
    expect(await replay.text()).toContain("expired or was already used");
  });

  test("an upstream that cannot be reached is a 502 page when the sign-in starts", async () => {
    const upstream = await new UpstreamStore(paris.tandem.database).add({
      name: "Ministry Keycloak",
      // Port 1: nothing listens there, so discovery fails with a connection error.
      issuer: "http://127.0.0.1:1/realms/agents",
      clientId: "paris",
      clientSecret: "paris-secret",
      profile: "oidc",
      domains: ["unreachable.gouv.fr"],
      federation: "FR",
    });
    const start = await fetch(`${paris.url}/federation/${upstream.id}/start`, {
      redirect: "manual",
    });
    expect(start.status).toBe(502);
    expect(start.headers.get("content-type")).toMatch(/^text\/html/);
    const page = await start.text();
    expect(page).toContain("The sign-in with Ministry Keycloak failed.");
    expect(page).not.toMatch(/ECONNREFUSED|fetch failed/);
  });
});
