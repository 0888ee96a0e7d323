import { ClientStore, OrganisationStore, UpstreamStore } from "@tandem/identity";
import { buildUser, OidcUserAgent, startTestServer, type TestServer } from "@tandem/testkit";
import * as client from "openid-client";
import { afterAll, beforeAll, expect, test } from "vitest";
import { REDIRECT_URI, registerClient, relyingParty } from "./support.js";

/**
 * Two Tandem deployments, each its own issuer: "berlin" is an upstream provider of
 * "paris" (generic OIDC profile). A Berlin agent signs in to an app of Paris with their
 * Berlin account; Paris creates their account at first sign-in with Berlin's claims.
 */
let paris: TestServer;
let berlin: TestServer;
let agent: { email: string; password: string };

beforeAll(async () => {
  [paris, berlin] = await Promise.all([
    startTestServer(),
    startTestServer({
      TANDEM_ORGANISATION_COUNTRY: "DE",
      TANDEM_ORGANISATION_NAME: "Senatsverwaltung Berlin",
    }),
  ]);
  const atBerlin = await new ClientStore(berlin.tandem.database).add({
    name: "Tandem Paris",
    redirectUris: [`${paris.url}/federation/callback`],
    postLogoutRedirectUris: [`${paris.url}/`],
  });
  await new UpstreamStore(paris.tandem.database).add({
    name: "Tandem Berlin",
    issuer: berlin.url,
    clientId: atBerlin.client_id,
    clientSecret: atBerlin.client_secret ?? "",
    profile: "oidc",
    domains: ["berlin.de"],
    federation: "DE",
  });
  const built = await buildUser(berlin.tandem, {
    email: "anna.schmidt@berlin.de",
    name: "Anna Schmidt",
  });
  agent = { email: built.user.email, password: built.password };
});
afterAll(async () => {
  await paris?.close();
  await berlin?.close();
});

test("a Berlin agent signs in to a Paris app with their Berlin account", async () => {
  const rp = await relyingParty(paris.url, await registerClient(paris.tandem.database));
  const verifier = client.randomPKCECodeVerifier();
  const state = client.randomState();
  const url = client.buildAuthorizationUrl(rp, {
    redirect_uri: REDIRECT_URI,
    scope: "openid email profile organisation",
    code_challenge: await client.calculatePKCECodeChallenge(verifier),
    code_challenge_method: "S256",
    state,
  });
  const browser = new OidcUserAgent();
  const stop = (next: URL) => next.href.startsWith(REDIRECT_URI);

  // Paris' sign-in page: the e-mail's domain is bound to Berlin.
  const atParis = await browser.follow(url, stop);
  const continueTo = atParis.url.searchParams.get("continue") ?? "";
  const discover = await fetch(`${paris.url}/api/v1/auth/discover?email=${agent.email}`);
  const route = (await discover.json()) as { method: string; url: string };
  expect(route).toMatchObject({ method: "redirect", provider: "Tandem Berlin" });

  // Berlin's sign-in page: the agent types their Berlin password there, never at Paris.
  const atBerlin = await browser.follow(
    new URL(`${route.url}&continue=${encodeURIComponent(continueTo)}`, paris.url),
    stop,
  );
  expect(atBerlin.url.origin).toBe(new URL(berlin.url).origin);
  await browser.signIn(berlin.url, agent.email, agent.password);
  const berlinContinue = atBerlin.url.searchParams.get("continue") ?? "";
  const back = await browser.follow(new URL(berlinContinue, berlin.url), stop);
  const callback = back.location;
  expect(callback?.searchParams.get("code"), back.body.slice(0, 300)).toBeTruthy();

  const tokens = await client.authorizationCodeGrant(rp, callback as URL, {
    pkceCodeVerifier: verifier,
    expectedState: state,
  });
  const claims = await client.fetchUserInfo(rp, tokens.access_token, tokens.claims()?.sub ?? "");
  expect(claims).toMatchObject({
    email: "anna.schmidt@berlin.de",
    given_name: "Anna",
    family_name: "Schmidt",
    organisation: "Senatsverwaltung Berlin",
    home_federation: "DE",
  });
  // Signing out of Paris signs the browser out at Berlin too: Paris hands it Berlin's
  // end-session URL, and confirming there ends Berlin's session as well.
  const signOut = await browser.fetch(`${paris.url}/api/v1/session`, {
    method: "DELETE",
    headers: { origin: paris.url },
  });
  expect(signOut.status).toBe(200);
  const next = new URL(((await signOut.json()) as { next: string }).next);
  expect(next.origin + next.pathname).toBe(`${berlin.url}/oidc/session/end`);
  expect(next.searchParams.get("id_token_hint")).toBeTruthy();
  const confirm = await browser.fetch(next);
  const page = await confirm.text();
  const action = /action="([^"]+)"/.exec(page)?.[1] ?? "";
  const xsrf = /name="xsrf" value="([^"]+)"/.exec(page)?.[1] ?? "";
  const done = await browser.fetch(new URL(action, berlin.url), {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ xsrf, logout: "yes" }).toString(),
  });
  expect(done.status).toBe(303);
  expect(done.headers.get("location")).toBe(`${paris.url}/`);
  expect((await browser.fetch(`${berlin.url}/api/v1/me`)).status).toBe(401);
  expect((await browser.fetch(`${paris.url}/api/v1/me`)).status).toBe(401);

  // Paris now knows Berlin's organisation, as a German one.
  const organisations = await new OrganisationStore(paris.tandem.database).list();
  expect(organisations.find((o) => o.name === "Senatsverwaltung Berlin")?.country).toBe("DE");
});
