import { AuditLog, totpCodeAt } from "@tandem/accounts";
import { OrganisationStore, ProfileStore } from "@tandem/identity";
import {
  ApiClient,
  buildUser,
  OidcUserAgent,
  runCli,
  signedInClient,
  startTestServer,
  type TestServer,
} from "@tandem/testkit";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { SoftAuthenticator } from "../../accounts/test/softAuthenticator.js";
import { codeFlow, isActive, registerClient, relyingParty } from "../../identity/test/support.js";

let server: TestServer;
let admin: ApiClient;
beforeAll(async () => {
  server = await startTestServer();
  admin = new ApiClient(server.url);
  expect((await admin.signIn(server.admin.email, server.admin.password)).status).toBe(200);
});
afterAll(() => server?.close());

/** A signed-in user with an authenticator app and a passkey. */
async function userWithFactors() {
  const { user, password } = await buildUser(server.tandem);
  const client = new ApiClient(server.url);
  await client.signIn(user.email, password);
  const { secret } = (await client.request("POST", "/api/v1/mfa/totp/enrol")).json;
  const confirm = await client.request("POST", "/api/v1/mfa/totp/confirm", {
    code: totpCodeAt(secret, Date.now() - 30_000),
  });
  expect(confirm.status).toBe(200);
  const options = await client.request("POST", "/api/v1/mfa/passkeys/options");
  const added = await client.request("POST", "/api/v1/mfa/passkeys", {
    name: "Laptop",
    credential: new SoftAuthenticator(server.url).create(options.json),
  });
  expect(added.status).toBe(201);
  const signIn = await new ApiClient(server.url).signIn(user.email, password);
  expect(signIn.json.methods).toEqual(["totp", "passkey"]);
  return { user, password, client };
}

const reset = (client: ApiClient, userId: string) =>
  client.request("DELETE", `/api/v1/admin/users/${encodeURIComponent(userId)}/second-factors`);

describe("an administrator resets a user's second factors", () => {
  test("over the API: factors gone, sessions ended, audited with actor and subject", async () => {
    const { user, password, client } = await userWithFactors();
    expect((await reset(admin, user.id)).status).toBe(204);
    expect((await client.request("GET", "/api/v1/me")).status).toBe(401);
    const again = new ApiClient(server.url);
    const signIn = await again.signIn(user.email, password);
    expect(signIn.json.user?.id).toBe(user.id);
    const status = await again.request("GET", "/api/v1/mfa");
    expect(status.json).toMatchObject({
      totp: { enabled: false },
      recoveryCodesLeft: 0,
      passkeys: [],
    });

    const [event] = await new AuditLog(server.tandem.database).query({
      action: "second_factors_reset",
      who: user.email,
    });
    expect(event).toMatchObject({
      outcome: "success",
      actorEmail: server.admin.email,
      subject: user.email,
    });
  });

  test("the apps' sessions end too: their tokens stop working, the user's access tokens stay", async () => {
    const { user, password } = await buildUser(server.tandem);
    const registered = await registerClient(server.tandem.database);
    const config = await relyingParty(server.url, registered);
    const agent = new OidcUserAgent();
    await agent.signIn(server.url, user.email, password);
    const { tokens } = await codeFlow(config, agent, registered.redirectUri);
    const pat = await server.tandem.access.createToken(user, { expiresAt: null });
    const client = new ApiClient(server.url);
    await client.signIn(user.email, password);
    const { secret } = (await client.request("POST", "/api/v1/mfa/totp/enrol")).json;
    await client.request("POST", "/api/v1/mfa/totp/confirm", {
      code: totpCodeAt(secret, Date.now() - 30_000),
    });
    expect(await isActive(config, tokens.access_token)).toBe(true);

    expect((await reset(admin, user.id)).status).toBe(204);
    expect(await isActive(config, tokens.access_token)).toBe(false);
    const bearer = new ApiClient(server.url, { bearer: pat.token });
    expect((await bearer.request("GET", "/api/v1/me")).status).toBe(200);
  });

  test("only administrators, only known users", async () => {
    const { client: member, user } = await signedInClient(server.url, server.tandem);
    expect((await reset(member, user.id)).status).toBe(403);
    expect((await reset(admin, "no-such-user")).status).toBe(404);
    expect((await reset(new ApiClient(server.url), user.id)).status).toBe(401);
  });

  test("bypasses nothing: a member of an organisation that requires MFA must enrol again", async () => {
    const { user, password } = await userWithFactors();
    const organisation = await new OrganisationStore(server.tandem.database).add({
      name: "Strict",
      country: "DE",
      requireMfa: true,
    });
    await new ProfileStore(server.tandem.database).set(user.id, {
      organisationId: organisation.id,
      givenName: "Kim",
      familyName: "Weber",
    });
    expect((await reset(admin, user.id)).status).toBe(204);
    const client = new ApiClient(server.url);
    const signIn = await client.signIn(user.email, password);
    expect(signIn.json.enrolmentRequired).toBe(true);
    expect(client.cookie).toBeUndefined();
  });

  test("from the CLI: tandem user reset-mfa <email>", async () => {
    const { user, password, client } = await userWithFactors();
    const done = await runCli(["user", "reset-mfa", user.email.toUpperCase()], server.backend.env);
    expect(done.stderr).toBe("");
    expect(done.code).toBe(0);
    expect(done.stdout).toContain(user.email);
    expect((await client.request("GET", "/api/v1/me")).status).toBe(401);
    expect((await new ApiClient(server.url).signIn(user.email, password)).json.user).toBeDefined();
    const [event] = await new AuditLog(server.tandem.database).query({
      action: "second_factors_reset",
      who: user.email,
    });
    expect(event).toMatchObject({ outcome: "success", actorEmail: null });

    const unknown = await runCli(["user", "reset-mfa", "nobody@example.org"], server.backend.env);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain("no account nobody@example.org");
  });
});
