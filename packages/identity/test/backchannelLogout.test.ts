import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { eventually, startTestServer, type TestServer } from "@tandem/testkit";
import { createRemoteJWKSet, jwtVerify } from "jose";
import * as client from "openid-client";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { codeFlow, registerClient, relyingParty, signedInAgent } from "./support.js";

const BACKCHANNEL_EVENT = "http://schemas.openid.net/event/backchannel-logout";

/** A relying party's back-channel logout endpoint: it keeps every logout token posted to it. */
class LogoutReceiver {
  readonly tokens: string[] = [];
  readonly #server: Server;

  constructor() {
    this.#server = createServer((request, response) => {
      let body = "";
      request.on("data", (chunk: Buffer) => {
        body += chunk.toString();
      });
      request.on("end", () => {
        const token = new URLSearchParams(body).get("logout_token");
        if (request.method === "POST" && token) this.tokens.push(token);
        response.writeHead(200, { "cache-control": "no-store" }).end();
      });
    });
  }

  async start(): Promise<string> {
    // Port 0: a free port, so suites can run side by side.
    await new Promise<void>((resolve) => this.#server.listen(0, "127.0.0.1", resolve));
    const { port } = this.#server.address() as AddressInfo;
    return `http://127.0.0.1:${port}`;
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.#server.close(() => resolve()));
  }
}

let server: TestServer;
let receiver: LogoutReceiver;
let rpUrl: string;
beforeAll(async () => {
  server = await startTestServer();
  receiver = new LogoutReceiver();
  rpUrl = await receiver.start();
});
afterAll(async () => {
  await receiver?.close();
  await server?.close();
});

/** Signs a user in to an app that has a back-channel logout URI. */
async function signedInApp() {
  const registered = await registerClient(server.tandem.database, {
    redirectUris: [`${rpUrl}/callback`],
    backchannelLogoutUri: `${rpUrl}/backchannel-logout`,
  });
  const config = await relyingParty(server.url, registered);
  const { agent, user } = await signedInAgent(server.url, server.tandem);
  const { tokens } = await codeFlow(config, agent, registered.redirectUri);
  return { registered, config, agent, user, tokens };
}

/** RP-initiated logout: the end_session request, then "yes" on the provider's confirmation form. */
async function logOut(
  agent: Awaited<ReturnType<typeof signedInApp>>["agent"],
  config: client.Configuration,
  idToken: string,
) {
  const page = await agent.fetch(client.buildEndSessionUrl(config, { id_token_hint: idToken }));
  expect(page.status).toBe(200);
  const html = await page.text();
  const action = /<form[^>]*\baction="([^"]+)"/.exec(html)?.[1];
  const xsrf = /<input[^>]*name="xsrf"[^>]*value="([^"]+)"/.exec(html)?.[1];
  expect(action, "the confirmation form's action").toBeTruthy();
  expect(xsrf, "the confirmation form's xsrf token").toBeTruthy();
  const confirmed = await agent.fetch(new URL(action ?? "", server.url), {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ xsrf: xsrf ?? "", logout: "yes" }).toString(),
  });
  expect([302, 303]).toContain(confirmed.status);
  return confirmed;
}

describe("RP-initiated and back-channel logout", () => {
  test("logging out posts a logout token, signed by the provider, to the app", async () => {
    const { registered, config, agent, user, tokens } = await signedInApp();
    const sid = tokens.claims()?.sid;
    expect(
      sid,
      "the ID token names its session (backchannel_logout_session_required)",
    ).toBeTruthy();
    const before = receiver.tokens.length;

    await logOut(agent, config, tokens.id_token ?? "");

    const logoutToken = await eventually(() => {
      const received = receiver.tokens.slice(before);
      expect(received).toHaveLength(1);
      return received[0] ?? "";
    });
    const metadata = config.serverMetadata();
    const jwks = createRemoteJWKSet(new URL(metadata.jwks_uri ?? ""));
    const { payload, protectedHeader } = await jwtVerify(logoutToken, jwks, {
      issuer: server.url,
      audience: registered.clientId,
      typ: "logout+jwt",
    });
    expect(protectedHeader.alg).toBe("RS256");
    expect(payload.events).toEqual({ [BACKCHANNEL_EVENT]: {} });
    expect(payload.sub).toBe(user.id);
    expect(payload.sid).toBe(sid);
    expect(payload.jti).toBeTruthy();
    // A logout token must never pass for an ID token (OpenID Back-Channel Logout §2.4).
    expect(payload).not.toHaveProperty("nonce");
  });

  test("a confirmation without the xsrf token logs nobody out", async () => {
    const { config, agent, tokens } = await signedInApp();
    const before = receiver.tokens.length;
    const page = await agent.fetch(
      client.buildEndSessionUrl(config, { id_token_hint: tokens.id_token ?? "" }),
    );
    const action = /<form[^>]*\baction="([^"]+)"/.exec(await page.text())?.[1] ?? "";
    const forged = await agent.fetch(new URL(action, server.url), {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "logout=yes",
    });
    expect(forged.status).toBe(400);
    expect(await forged.text()).not.toMatch(/\n\s+at /);
    expect(receiver.tokens.length).toBe(before);
  });

  test("after logging out, the provider session is gone: prompt=none says login_required", async () => {
    const { registered, config, agent, tokens } = await signedInApp();
    await logOut(agent, config, tokens.id_token ?? "");
    const verifier = client.randomPKCECodeVerifier();
    const silent = client.buildAuthorizationUrl(config, {
      redirect_uri: registered.redirectUri,
      scope: "openid",
      prompt: "none",
      code_challenge: await client.calculatePKCECodeChallenge(verifier),
      code_challenge_method: "S256",
    });
    const callback = await agent.authorize(silent, registered.redirectUri);
    expect(callback.searchParams.get("code")).toBeNull();
    expect(callback.searchParams.get("error")).toBe("login_required");
  });

  test("after logging out, a new authorization request asks the user to sign in again", async () => {
    const { registered, config, agent, tokens } = await signedInApp();
    await logOut(agent, config, tokens.id_token ?? "");
    const verifier = client.randomPKCECodeVerifier();
    const url = client.buildAuthorizationUrl(config, {
      redirect_uri: registered.redirectUri,
      scope: "openid",
      code_challenge: await client.calculatePKCECodeChallenge(verifier),
      code_challenge_method: "S256",
    });
    const result = await agent.follow(
      url,
      (next) => next.origin !== server.url || next.pathname === "/",
    );
    // The user said "sign me out": the provider must not hand the app a new code on the
    // strength of the Tandem session it was signed in with.
    expect(result.location?.pathname).toBe("/");
    expect(result.location?.searchParams.get("continue")).toMatch(/^\/oidc\/interaction\//);
  });
});
