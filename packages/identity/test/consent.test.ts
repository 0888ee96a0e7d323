import { AuditLog } from "@tandem/accounts";
import {
  buildUser,
  OidcUserAgent,
  runCli,
  startTestServer,
  type TestServer,
} from "@tandem/testkit";
import * as client from "openid-client";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { answer, consentApi, consentUid, exchange, startAuthorization } from "./consentSupport.js";
import {
  OFFLINE,
  oauthError,
  registerClient,
  registerClientByCli,
  relyingParty,
  signedInAgent,
  type TestClient,
} from "./support.js";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server?.close());

async function thirdParty(name = "Partner app"): Promise<TestClient> {
  return registerClient(server.tandem.database, { name, thirdParty: true });
}

/** A third-party app and a signed-in browser; the app's first authorization shows consent. */
async function firstVisit(params: Record<string, string> = {}) {
  const registered = await thirdParty();
  const config = await relyingParty(server.url, registered);
  const { user, password } = await buildUser(server.tandem);
  const agent = new OidcUserAgent();
  await agent.signIn(server.url, user.email, password);
  const attempt = await startAuthorization(config, agent, registered.redirectUri, params);
  return { registered, config, agent, user, password, attempt, uid: consentUid(attempt) };
}

describe("consent for third-party clients", () => {
  test("`client add --third-party` registers an app whose users are asked; `client list` says so", async () => {
    const registered = await registerClientByCli(server.backend.env, ["--third-party"]);
    const list = await runCli(["client", "list"], server.backend.env);
    const listed = (
      JSON.parse(list.stdout) as Array<{ clientId: string; firstParty: boolean }>
    ).find((c) => c.clientId === registered.clientId);
    expect(listed?.firstParty).toBe(false);

    const config = await relyingParty(server.url, registered);
    const { agent } = await signedInAgent(server.url, server.tandem);
    const attempt = await startAuthorization(config, agent, registered.redirectUri);
    expect(attempt.outcome.kind).toBe("consent");
  });

  test("the consent page names the app, where it sends the user and what it asks; allow gives tokens", async () => {
    const { registered, config, agent, user, attempt, uid } = await firstVisit();
    const shown = await consentApi(agent, server.url, "GET", uid);
    expect(shown).toEqual({
      status: 200,
      json: {
        interaction: uid,
        client: { id: registered.clientId, name: "Partner app", redirectHost: "127.0.0.1:9" },
        scopes: ["openid", "profile", "email"],
        granted: [],
      },
    });

    const callback = await answer(agent, server.url, uid, "allow", registered.redirectUri);
    const tokens = await exchange(config, callback, attempt);
    expect(tokens.scope?.split(" ").sort()).toEqual(["email", "openid", "profile"]);
    expect(tokens.claims()).toMatchObject({ sub: user.id, email: user.email });
    const [event] = await new AuditLog(server.tandem.database).query({ action: "consent_given" });
    expect(event).toMatchObject({ subject: registered.clientId, actorId: user.id });
  });

  test("deny sends access_denied, with the state, to the app's redirect URI", async () => {
    const { registered, agent, attempt, uid } = await firstVisit();
    const callback = await answer(agent, server.url, uid, "deny", registered.redirectUri);
    expect(callback.searchParams.get("error")).toBe("access_denied");
    expect(callback.searchParams.get("state")).toBe(attempt.state);
    expect(callback.searchParams.has("code")).toBe(false);
    // The app, told through openid-client, sees the standard error.
    const refused = await exchange(
      await relyingParty(server.url, registered),
      callback,
      attempt,
    ).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(refused).toBeInstanceOf(client.AuthorizationResponseError);
    expect((refused as client.AuthorizationResponseError).error).toBe("access_denied");
  });

  test("consent is remembered: the same or fewer scopes skip the page, in a new session too", async () => {
    const { registered, config, agent, user, password, uid } = await firstVisit();
    await answer(agent, server.url, uid, "allow", registered.redirectUri);

    // Another browser of the same user too: the consent is the account's, not the session's.
    const elsewhere = new OidcUserAgent();
    await elsewhere.signIn(server.url, user.email, password);
    for (const [browser, scope] of [
      [agent, "openid profile email"],
      [agent, "openid email"],
      [elsewhere, "openid profile"],
    ] as const) {
      const again = await startAuthorization(config, browser, registered.redirectUri, { scope });
      if (again.outcome.kind !== "callback") throw new Error(`asked again for ${scope}`);
      const tokens = await exchange(config, again.outcome.callback, again);
      expect(tokens.claims()?.sub).toBe(user.id);
      expect(tokens.scope?.split(" ").sort()).toEqual(scope.split(" ").sort());
    }
  });

  test("more scopes ask again, for the new ones only; allowing adds them", async () => {
    const { registered, config, agent, uid } = await firstVisit({ scope: "openid email" });
    await answer(agent, server.url, uid, "allow", registered.redirectUri);

    const wider = await startAuthorization(config, agent, registered.redirectUri, {
      scope: "openid email organisation groups",
    });
    const widerUid = consentUid(wider);
    const shown = await consentApi(agent, server.url, "GET", widerUid);
    expect(shown.json).toMatchObject({
      scopes: ["organisation", "groups"],
      granted: ["openid", "email"],
    });
    const callback = await answer(agent, server.url, widerUid, "allow", registered.redirectUri);
    const tokens = await exchange(config, callback, wider);
    expect(tokens.scope?.split(" ").sort()).toEqual(["email", "groups", "openid", "organisation"]);
  });

  test("revoking from the account ends the refresh token, and the next sign-in asks again", async () => {
    const { registered, config, agent, user, attempt, uid } = await firstVisit(OFFLINE);
    expect((await consentApi(agent, server.url, "GET", uid)).json.scopes).toEqual([
      "openid",
      "offline_access",
    ]);
    const callback = await answer(agent, server.url, uid, "allow", registered.redirectUri);
    const tokens = await exchange(config, callback, attempt);
    const refreshToken = tokens.refresh_token ?? "";
    expect(refreshToken).not.toBe("");

    const apps = await agent.fetch(new URL("/api/v1/account/apps", server.url));
    expect(await apps.json()).toEqual({
      apps: [
        {
          clientId: registered.clientId,
          name: "Partner app",
          hosts: ["127.0.0.1:9"],
          scopes: ["openid", "offline_access"],
          grantedAt: expect.any(Number),
        },
      ],
    });

    const revoke = () =>
      agent.fetch(new URL(`/api/v1/account/apps/${registered.clientId}`, server.url), {
        method: "DELETE",
        headers: { origin: server.url },
      });
    expect((await revoke()).status).toBe(204);
    expect(await oauthError(client.refreshTokenGrant(config, refreshToken))).toEqual({
      error: "invalid_grant",
      status: 400,
    });
    const listed = await agent.fetch(new URL("/api/v1/account/apps", server.url));
    expect(await listed.json()).toEqual({ apps: [] });
    expect((await revoke()).status).toBe(404);
    const events = await new AuditLog(server.tandem.database).query({
      action: "consent_revoked",
      who: user.email,
    });
    expect(events).toMatchObject([{ subject: registered.clientId, outcome: "success" }]);

    const next = await startAuthorization(config, agent, registered.redirectUri);
    expect(next.outcome.kind).toBe("consent");
  });

  test("a first-party client never shows the consent page, even with prompt=consent", async () => {
    const registered = await registerClient(server.tandem.database);
    const config = await relyingParty(server.url, registered);
    const { agent } = await signedInAgent(server.url, server.tandem);
    for (const params of [{}, OFFLINE]) {
      const attempt = await startAuthorization(config, agent, registered.redirectUri, params);
      expect(attempt.outcome.kind).toBe("callback");
    }
    const apps = await agent.fetch(new URL("/api/v1/account/apps", server.url));
    expect(await apps.json()).toEqual({ apps: [] });
    const revoke = await agent.fetch(
      new URL(`/api/v1/account/apps/${registered.clientId}`, server.url),
      { method: "DELETE", headers: { origin: server.url } },
    );
    expect(revoke.status).toBe(404);
  });
});

describe("the consent API refuses bad input clearly", () => {
  test("an unknown interaction is 404, a malformed id 400, nobody signed in 401", async () => {
    const { agent } = await signedInAgent(server.url, server.tandem);
    const unknown = await consentApi(agent, server.url, "GET", "NoSuchInteraction123");
    expect(unknown).toMatchObject({ status: 404, json: { error: "not_found" } });
    const posted = await consentApi(agent, server.url, "POST", "NoSuchInteraction123", {
      decision: "allow",
    });
    expect(posted.status).toBe(404);
    const malformed = await consentApi(agent, server.url, "GET", "not%20an%20id");
    expect(malformed).toMatchObject({ status: 400, json: { error: "invalid_request" } });
    const anonymous = await consentApi(new OidcUserAgent(), server.url, "GET", "abc");
    expect(anonymous.status).toBe(401);
  });

  test("another user's interaction is 403, to read and to answer, and stays open", async () => {
    const { registered, agent, uid } = await firstVisit();
    const { agent: intruder } = await signedInAgent(server.url, server.tandem);
    expect((await consentApi(intruder, server.url, "GET", uid)).status).toBe(403);
    const answered = await consentApi(intruder, server.url, "POST", uid, { decision: "allow" });
    expect(answered).toMatchObject({ status: 403, json: { error: "forbidden" } });
    // The owner can still answer it.
    const callback = await answer(agent, server.url, uid, "deny", registered.redirectUri);
    expect(callback.searchParams.get("error")).toBe("access_denied");
  });

  test("a malformed or cross-site answer is refused; an answer is given once", async () => {
    const { agent, uid } = await firstVisit();
    const wrong = await consentApi(agent, server.url, "POST", uid, { decision: "maybe" });
    expect(wrong).toMatchObject({ status: 400, json: { error: "invalid_request" } });
    expect(String(wrong.json.message)).toMatch(/^decision: /);
    const empty = await consentApi(agent, server.url, "POST", uid, {});
    expect(empty.status).toBe(400);
    // A form-like post (no preflight across sites) is not a JSON object: refused, nothing answered.
    const form = await agent.fetch(new URL(`/api/v1/consent/${uid}`, server.url), {
      method: "POST",
      headers: { origin: server.url, "content-type": "text/plain" },
      body: "decision=allow",
    });
    expect(form.status).toBe(400);
    const crossSite = await consentApi(
      agent,
      server.url,
      "POST",
      uid,
      { decision: "allow" },
      { origin: "https://evil.example" },
    );
    expect(crossSite).toMatchObject({ status: 403, json: { error: "forbidden" } });

    const answered = await consentApi(agent, server.url, "POST", uid, { decision: "allow" });
    expect(answered.status).toBe(200);
    const twice = await consentApi(agent, server.url, "POST", uid, { decision: "deny" });
    expect(twice).toMatchObject({ status: 409, json: { error: "conflict" } });
  });

  test("a personal access token cannot answer for the browser", async () => {
    const { agent, user, uid } = await firstVisit();
    const { token } = await server.tandem.access.createToken(user, {
      name: "script",
      expiresAt: null,
      scopes: ["api"],
    });
    const withToken = await consentApi(
      agent,
      server.url,
      "POST",
      uid,
      { decision: "allow" },
      { authorization: `Bearer ${token}` },
    );
    expect(withToken).toMatchObject({ status: 403, json: { error: "forbidden" } });
  });
});
