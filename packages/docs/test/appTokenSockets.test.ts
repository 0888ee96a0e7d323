import {
  ApiClient,
  buildUser,
  eventually,
  OidcUserAgent,
  startTestServer,
  type TestServer,
} from "@tandem/testkit";
import * as client from "openid-client";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
// The identity module's own OpenID test helpers: a real code flow through the consent page.
import {
  answer,
  consentUid,
  exchange,
  startAuthorization,
} from "../../identity/test/consentSupport.js";
import { registerClient, relyingParty } from "../../identity/test/support.js";
import { createDocument, docsUser, type Editor, openEditor } from "./support.js";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server?.close());

/** A user signed in to Tandem in a browser, an editor on a document of someone else's. */
async function editorInBrowser(on: TestServer) {
  const owner = await docsUser(on);
  const { id } = await createDocument(owner);
  const { user, password } = await buildUser(on.tandem);
  const agent = new OidcUserAgent();
  await agent.signIn(on.url, user.email, password);
  const shared = await owner.api.request("POST", `/api/docs/v1/documents/${id}/accesses`, {
    email: user.email,
    role: "editor",
  });
  expect(shared.status, shared.text).toBe(204);
  return { id, user, agent };
}

/**
 * A third-party app the user lets in (consent page, code flow with PKCE): its access token
 * (`api` scope) and refresh token.
 */
async function appTokens(on: TestServer, agent: OidcUserAgent, name: string) {
  const registered = await registerClient(on.tandem.database, { name, thirdParty: true });
  const config = await relyingParty(on.url, registered);
  const attempt = await startAuthorization(config, agent, registered.redirectUri, {
    scope: "openid offline_access api",
    prompt: "consent",
  });
  const callback = await answer(
    agent,
    on.url,
    consentUid(attempt),
    "allow",
    registered.redirectUri,
  );
  const tokens = await exchange(config, callback, attempt);
  expect(tokens.scope?.split(" ")).toContain("api");
  return {
    clientId: registered.clientId,
    config,
    accessToken: tokens.access_token,
    refreshToken: tokens.refresh_token ?? "",
  };
}

/**
 * Two apps of the same user, each with a socket open on the document with its access token:
 * `revoked` is the one the test ends, `other` (another app, another grant) must stay open.
 */
async function twoAppSockets(on: TestServer = server) {
  const { id, agent } = await editorInBrowser(on);
  const revoked = await appTokens(on, agent, "Revoked app");
  const other = await appTokens(on, agent, "Other app");
  const revokedSocket = await openEditor(on.url, id, revoked.accessToken);
  const otherSocket = await openEditor(on.url, id, other.accessToken);
  return { id, agent, revoked, other, revokedSocket, otherSocket };
}

/** The socket closed; the other one still writes, and the closed one's edits are lost. */
async function expectOnlyFirstClosed(closed: Editor, open: Editor) {
  await eventually(() => expect(closed.refusal.closed).toBeDefined());
  closed.text.insert(0, "AFTER REVOCATION ");
  open.text.insert(0, "still open ");
  await eventually(() => expect(open.provider.unsyncedChanges).toBe(0));
  expect(open.refusal.closed).toBeUndefined();
  expect(open.text.toString()).not.toContain("AFTER REVOCATION");
  for (const editor of [closed, open]) editor.provider.destroy();
}

describe("an app's access token: the socket it opened closes when the token ends", () => {
  test("the app revokes the access token at the revocation endpoint (RFC 7009)", async () => {
    const { revoked, revokedSocket, otherSocket } = await twoAppSockets();
    await client.tokenRevocation(revoked.config, revoked.accessToken, {
      token_type_hint: "access_token",
    });
    await expectOnlyFirstClosed(revokedSocket, otherSocket);
  });

  test("the app revokes its refresh token, and the grant with it", async () => {
    const { revoked, revokedSocket, otherSocket } = await twoAppSockets();
    expect(revoked.refreshToken).not.toBe("");
    await client.tokenRevocation(revoked.config, revoked.refreshToken, {
      token_type_hint: "refresh_token",
    });
    await expectOnlyFirstClosed(revokedSocket, otherSocket);
  });

  test("the user withdraws consent for the app from the account page", async () => {
    const { agent, revoked, revokedSocket, otherSocket } = await twoAppSockets();
    const withdrawn = await agent.fetch(
      new URL(`/api/v1/account/apps/${revoked.clientId}`, server.url),
      { method: "DELETE", headers: { origin: server.url } },
    );
    expect(withdrawn.status).toBe(204);
    await expectOnlyFirstClosed(revokedSocket, otherSocket);
  });
});

describe("a token ended where nothing is published still closes its socket", () => {
  let quick: TestServer;
  beforeAll(async () => {
    // Open sockets check their credential every second here (a minute by default).
    quick = await startTestServer({ TANDEM_DOCS_CREDENTIAL_RECHECK_SECONDS: "1" });
  });
  afterAll(() => quick?.close());

  test("an administrator removes the app: the re-check finds its token gone", async () => {
    const admin = new ApiClient(quick.url);
    await admin.signIn(quick.admin.email, quick.admin.password);
    const { revoked, revokedSocket, otherSocket } = await twoAppSockets(quick);
    const removed = await admin.request("DELETE", `/api/v1/admin/clients/${revoked.clientId}`);
    expect(removed.status, removed.text).toBe(204);
    await expectOnlyFirstClosed(revokedSocket, otherSocket);
  });
});
