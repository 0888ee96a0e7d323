import { OrganisationStore, UpstreamStore } from "@tandem/identity";
import {
  OidcUserAgent,
  startTestServer,
  type TestServer,
  UpstreamProviderDouble,
} from "@tandem/testkit";
import * as client from "openid-client";
import { afterAll, beforeAll, expect, test } from "vitest";
import { REDIRECT_URI, registerClient, relyingParty } from "./support.js";

const SIRET = "13002526500013";
const AGENT = {
  sub: "pc-strict-1",
  email: "alex.martin@interieur.gouv.fr",
  given_name: "Alex",
  usual_name: "Martin",
  siret: SIRET,
};

let server: TestServer;
let proconnect: UpstreamProviderDouble;
let upstreamId: string;
beforeAll(async () => {
  server = await startTestServer();
  proconnect = await UpstreamProviderDouble.start({
    profile: "proconnect",
    accounts: [AGENT],
    client: {
      clientId: "strict",
      clientSecret: "strict-secret",
      redirectUri: `${server.url}/federation/callback`,
    },
  });
  const upstream = await new UpstreamStore(server.tandem.database).add({
    name: "ProConnect",
    issuer: proconnect.issuer,
    clientId: "strict",
    clientSecret: "strict-secret",
    profile: "proconnect",
    domains: ["interieur.gouv.fr"],
    federation: "FR",
  });
  upstreamId = upstream.id;
  await new OrganisationStore(server.tandem.database).add({
    name: "DINUM",
    country: "FR",
    identifier: SIRET,
    requireMfa: true,
  });
});
afterAll(async () => {
  await proconnect?.close();
  await server?.close();
});

/**
 * An app's authorization request, then the trip upstream and back (the sign-in page's part
 * played by hand), stopping at the app's redirect or at Tandem's refusal. The upstream states
 * its acr in the ID token only when asked, so the app asks with `acr_values`.
 */
async function federatedSignIn(agent: OidcUserAgent, acrValues?: string) {
  const rp = await relyingParty(server.url, await registerClient(server.tandem.database));
  const authorization = client.buildAuthorizationUrl(rp, {
    redirect_uri: REDIRECT_URI,
    scope: "openid email",
    code_challenge: await client.calculatePKCECodeChallenge(client.randomPKCECodeVerifier()),
    code_challenge_method: "S256",
    ...(acrValues ? { acr_values: acrValues } : {}),
  });
  const toRedirect = (next: URL) => next.href.startsWith(REDIRECT_URI);
  const atSignIn = await agent.follow(authorization, toRedirect);
  const continueTo = atSignIn.url.searchParams.get("continue") ?? "";
  const query = new URLSearchParams({ login_hint: AGENT.email, continue: continueTo });
  return agent.follow(new URL(`/federation/${upstreamId}/start?${query}`, server.url), toRedirect);
}

test("an organisation requiring MFA refuses an upstream sign-in without it, accepts one with it", async () => {
  proconnect.nextAcr = "eidas1";
  const weak = new OidcUserAgent();
  const refused = await federatedSignIn(weak, "eidas1");
  expect(refused.status).toBe(403);
  expect(refused.body).toContain("requires two-step verification");
  const me = await weak.fetch(new URL("/api/v1/me", server.url));
  expect(me.status).toBe(401);

  proconnect.nextAcr = "eidas2";
  const strong = new OidcUserAgent();
  const accepted = await federatedSignIn(strong, "eidas2");
  expect(accepted.location?.searchParams.get("code"), accepted.body).toBeTruthy();
  expect((await strong.fetch(new URL("/api/v1/me", server.url))).status).toBe(200);
});
