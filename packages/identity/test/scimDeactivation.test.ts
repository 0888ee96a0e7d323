import { ApiClient, buildUser, OidcUserAgent, type TestServer } from "@tandem/testkit";
import * as client from "openid-client";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { PATCH_OP, startScimServer } from "./scimSupport.js";
import { codeFlow, OFFLINE, oauthError, registerClient, relyingParty } from "./support.js";

let server: TestServer;
let scim: ApiClient;
beforeAll(async () => {
  ({ server, scim } = await startScimServer());
});
afterAll(() => server?.close());

const setActive = (id: string, active: boolean) =>
  scim.request("PATCH", `/Users/${id}`, {
    schemas: [PATCH_OP],
    Operations: [{ op: "replace", path: "active", value: active }],
  });

describe("deactivation over SCIM", () => {
  test("active=false ends the session and the token at once; active=true lets the user sign in again", async () => {
    const { user, password } = await buildUser(server.tandem);
    const browser = new ApiClient(server.url);
    expect((await browser.signIn(user.email, password)).status).toBe(200);
    const { token } = await server.tandem.access.createToken(user, { expiresAt: null });
    const script = new ApiClient(server.url, { bearer: token });
    expect((await browser.request("GET", "/api/v1/me")).status).toBe(200);
    expect((await script.request("GET", "/api/v1/me")).status).toBe(200);

    // The provisioning system finds the account by userName, as Entra ID and Okta do.
    const filter = encodeURIComponent(`userName eq "${user.email}"`);
    const found = await scim.request("GET", `/Users?filter=${filter}`);
    expect(found.json.totalResults).toBe(1);
    const id = found.json.Resources[0].id;

    const off = await setActive(id, false);
    expect(off.status, off.text).toBe(200);
    expect(off.json.active).toBe(false);
    expect((await browser.request("GET", "/api/v1/me")).status).toBe(401);
    expect((await script.request("GET", "/api/v1/me")).status).toBe(401);
    expect((await new ApiClient(server.url).signIn(user.email, password)).status).toBe(401);

    const on = await setActive(id, true);
    expect(on.json.active).toBe(true);
    const again = new ApiClient(server.url);
    expect((await again.signIn(user.email, password)).status).toBe(200);
    expect((await again.request("GET", "/api/v1/me")).status).toBe(200);
    // What deactivation ended stays ended: the old cookie and the old token are dead for good.
    expect((await browser.request("GET", "/api/v1/me")).status).toBe(401);
    expect((await script.request("GET", "/api/v1/me")).status).toBe(401);
    const { token: fresh } = await server.tandem.access.createToken(
      await server.tandem.accounts.byEmail(user.email),
      { expiresAt: null },
    );
    expect(
      (await new ApiClient(server.url, { bearer: fresh }).request("GET", "/api/v1/me")).status,
    ).toBe(200);
  });

  test("active=false through PUT ends the provider's refresh and access tokens too", async () => {
    const { user, password } = await buildUser(server.tandem);
    const registered = await registerClient(server.tandem.database);
    const config = await relyingParty(server.url, registered);
    const agent = new OidcUserAgent();
    await agent.signIn(server.url, user.email, password);
    const { tokens } = await codeFlow(config, agent, registered.redirectUri, OFFLINE);
    expect(tokens.refresh_token).toBeTruthy();
    expect((await client.tokenIntrospection(config, tokens.access_token)).active).toBe(true);

    const current = await scim.request("GET", `/Users/${user.id}`);
    const put = await scim.request("PUT", `/Users/${user.id}`, { ...current.json, active: false });
    expect(put.status, put.text).toBe(200);
    expect(put.json.active).toBe(false);

    expect((await client.tokenIntrospection(config, tokens.access_token)).active).toBe(false);
    const refused = await oauthError(client.refreshTokenGrant(config, tokens.refresh_token ?? ""));
    expect(refused.error).toBe("invalid_grant");
  });
});
