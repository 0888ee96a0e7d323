import { TOTP_PERIOD_S, totpCodeAt } from "@tandem/accounts";
import { ApiClient, buildUser, OidcUserAgent, type TestServer } from "@tandem/testkit";
import { afterAll, beforeAll, expect, test } from "vitest";
import { ProfileStore } from "../src/organisations/ProfileStore.js";
import { auditOf, startAdminServer } from "./adminSupport.js";
import { codeFlow, isActive, registerClient, relyingParty } from "./support.js";

let server: TestServer;
let admin: ApiClient;
beforeAll(async () => {
  ({ server, admin } = await startAdminServer());
});
afterAll(() => server?.close());

/** A member of `organisationId`, signed in with a password alone, holding an app's token. */
async function memberWithPasswordOnly(organisationId: string) {
  const { user, password } = await buildUser(server.tandem);
  await new ProfileStore(server.tandem.database).set(user.id, {
    organisationId,
    givenName: "Ada",
    familyName: "Member",
  });
  const client = new ApiClient(server.url);
  expect((await client.signIn(user.email, password)).status).toBe(200);
  return { user, password, client };
}

test("requiring a second factor signs out at once the members who signed in without one", async () => {
  const created = await admin.request("POST", "/api/v1/admin/organisations", {
    name: "Ministère des essais",
    country: "FR",
  });
  const organisationId = created.json.id as string;
  const plain = await memberWithPasswordOnly(organisationId);

  // An app signed this member in through the provider too.
  const registered = await registerClient(server.tandem.database);
  const config = await relyingParty(server.url, registered);
  const agent = new OidcUserAgent();
  await agent.signIn(server.url, plain.user.email, plain.password);
  const { tokens } = await codeFlow(config, agent, registered.redirectUri);
  expect(await isActive(config, tokens.access_token)).toBe(true);

  // A member who signed in with an authenticator app keeps their session.
  const strong = await memberWithPasswordOnly(organisationId);
  const enrolment = await strong.client.request("POST", "/api/v1/mfa/totp/enrol");
  const secret = enrolment.json.secret as string;
  const step = TOTP_PERIOD_S * 1000;
  await strong.client.request("POST", "/api/v1/mfa/totp/confirm", {
    code: totpCodeAt(secret, Date.now() - step),
  });
  const twoSteps = new ApiClient(server.url);
  const first = await twoSteps.signIn(strong.user.email, strong.password);
  const second = await twoSteps.request("POST", "/api/v1/session/mfa", {
    challenge: first.json.challenge,
    code: totpCodeAt(secret, Date.now()),
  });
  expect(second.status, second.text).toBe(200);

  // Someone of another organisation is not concerned.
  const other = await buildUser(server.tandem);
  const outsider = new ApiClient(server.url);
  expect((await outsider.signIn(other.user.email, other.password)).status).toBe(200);

  const updated = await admin.request("PATCH", `/api/v1/admin/organisations/${organisationId}`, {
    requireMfa: true,
  });
  expect(updated.status, updated.text).toBe(200);

  expect((await plain.client.request("GET", "/api/v1/me")).status).toBe(401);
  expect(await isActive(config, tokens.access_token)).toBe(false);
  expect((await twoSteps.request("GET", "/api/v1/me")).status).toBe(200);
  expect((await outsider.request("GET", "/api/v1/me")).status).toBe(200);
  expect((await admin.request("GET", "/api/v1/me")).status).toBe(200);
  const [event] = await auditOf(admin, "Ministère des essais");
  expect(event).toMatchObject({
    action: "organisation_updated",
    details: { requireMfa: true, accountsSignedOut: 2 },
  });

  // Signing in again now asks the password-only member to enrol a second factor.
  const again = await new ApiClient(server.url).signIn(plain.user.email, plain.password);
  expect(again.status).toBe(200);
  expect(again.json).toMatchObject({ enrolmentRequired: true });
});
