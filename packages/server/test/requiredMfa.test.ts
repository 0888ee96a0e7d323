import { totpCodeAt } from "@tandem/accounts";
import { OrganisationStore, ProfileStore } from "@tandem/identity";
import { ApiClient, buildUser, startTestServer, type TestServer } from "@tandem/testkit";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { SoftAuthenticator } from "../../accounts/test/softAuthenticator.js";

let server: TestServer;
let strictOrganisation: string;
beforeAll(async () => {
  server = await startTestServer();
  const organisation = await new OrganisationStore(server.tandem.database).add({
    name: "Ministère exigeant",
    country: "FR",
    requireMfa: true,
  });
  strictOrganisation = organisation.id;
});
afterAll(() => server?.close());

/** A password-only member of the organisation that requires a second factor. */
export async function strictMember() {
  const { user, password } = await buildUser(server.tandem);
  await new ProfileStore(server.tandem.database).set(user.id, {
    organisationId: strictOrganisation,
    givenName: "Dominique",
    familyName: "Strict",
  });
  return { user, password };
}

/** The password step of a strict member: an enrolment challenge, and no session. */
async function enrolmentStep(email: string, password: string) {
  const client = new ApiClient(server.url);
  const response = await client.signIn(email, password);
  expect(response.status).toBe(200);
  expect(Object.keys(response.json).sort()).toEqual(["challenge", "enrolmentRequired"]);
  expect(client.cookie).toBeUndefined();
  return { client, challenge: response.json.challenge as string };
}

describe("an organisation that requires a second factor", () => {
  test("a member without one gets no session, and the enrolment challenge opens nothing else", async () => {
    const { user, password } = await strictMember();
    const { client, challenge } = await enrolmentStep(user.email, password);
    expect((await client.request("GET", "/api/v1/me")).status).toBe(401);
    const asBearer = new ApiClient(server.url, { bearer: challenge });
    expect((await asBearer.request("GET", "/api/v1/me")).status).toBe(401);
    const asCookie = new ApiClient(server.url, { cookie: `tandem_session=${challenge}` });
    expect((await asCookie.request("GET", "/api/v1/me")).status).toBe(401);
    // Not a second-step challenge: neither a code nor a passkey completes a sign-in with it.
    const code = await client.request("POST", "/api/v1/session/mfa", { challenge, code: "123456" });
    expect(code.status).toBe(401);
    expect(code.json.error).toBe("invalid_challenge");
    const passkey = await client.request("POST", "/api/v1/session/passkey/options", { challenge });
    expect(passkey.status).toBe(401);
    // Nor the account routes that set up factors for a session.
    expect((await client.request("POST", "/api/v1/mfa/totp/enrol", { challenge })).status).toBe(
      401,
    );
  });

  test("enrolling an authenticator app signs in, with recovery codes, the challenge used up", async () => {
    const { user, password } = await strictMember();
    const { client, challenge } = await enrolmentStep(user.email, password);
    const enrolment = await client.request("POST", "/api/v1/session/enrolment/totp", { challenge });
    expect(enrolment.status).toBe(200);
    const secret = enrolment.json.secret as string;
    const wrong = await client.request("POST", "/api/v1/session/enrolment/totp/confirm", {
      challenge,
      code: "000000",
    });
    expect(wrong.status).toBe(401);
    expect(client.cookie).toBeUndefined();

    const confirmed = await client.request("POST", "/api/v1/session/enrolment/totp/confirm", {
      challenge,
      code: totpCodeAt(secret, Date.now() - 30_000),
    });
    expect(confirmed.status, confirmed.text).toBe(200);
    expect(confirmed.json.user.id).toBe(user.id);
    expect(confirmed.json.recoveryCodes).toHaveLength(10);
    expect((await client.request("GET", "/api/v1/me")).status).toBe(200);
    const again = await client.request("POST", "/api/v1/session/enrolment/totp", { challenge });
    expect(again.json.error).toBe("invalid_challenge");

    // From now on the app is the second step, as for anyone who set one up.
    const next = await new ApiClient(server.url).signIn(user.email, password);
    expect(next.json).toMatchObject({ mfaRequired: true, methods: ["totp"] });
  });

  test("enrolling a passkey signs in with it; a second-step challenge cannot enrol", async () => {
    const { user, password } = await strictMember();
    const { client, challenge } = await enrolmentStep(user.email, password);
    const authenticator = new SoftAuthenticator(server.url);
    const options = await client.request("POST", "/api/v1/session/enrolment/passkey/options", {
      challenge,
    });
    expect(options.status).toBe(200);
    const enrolled = await client.request("POST", "/api/v1/session/enrolment/passkey", {
      challenge,
      name: "Security key",
      credential: authenticator.create(options.json),
    });
    expect(enrolled.status, enrolled.text).toBe(200);
    expect((await client.request("GET", "/api/v1/me")).status).toBe(200);

    const next = await new ApiClient(server.url).signIn(user.email, password);
    expect(next.json).toMatchObject({ mfaRequired: true, methods: ["passkey"] });
    const misuse = await new ApiClient(server.url).request(
      "POST",
      "/api/v1/session/enrolment/totp",
      { challenge: next.json.challenge },
    );
    expect(misuse.status).toBe(401);
    expect(misuse.json.error).toBe("invalid_challenge");
  });

  test("members of other organisations still sign in with a password alone", async () => {
    const { user, password } = await buildUser(server.tandem);
    const client = new ApiClient(server.url);
    const response = await client.signIn(user.email, password);
    expect(response.json.user.id).toBe(user.id);
    expect(client.cookie).toBeDefined();
  });
});
