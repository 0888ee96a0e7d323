import { PATCH_OP } from "@tandem/identity";
import {
  ApiClient,
  buildUser,
  eventually,
  runCli,
  startTestServer,
  type TestServer,
} from "@tandem/testkit";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createDocument, type DocsUser, docsUser, type Editor, openEditor } from "./support.js";

let server: TestServer;
let admin: ApiClient;
let scim: ApiClient;
beforeAll(async () => {
  server = await startTestServer();
  admin = new ApiClient(server.url);
  await admin.signIn(server.admin.email, server.admin.password);
  const account = await server.tandem.accounts.byEmail(server.admin.email);
  const { token } = await server.tandem.access.createToken(account, {
    expiresAt: null,
    scopes: ["scim"],
  });
  scim = new ApiClient(`${server.url}/scim/v2`, { bearer: token });
});
afterAll(() => server?.close());

/** A document of its own owner, shared with `editor` as an editor; the owner's editor is open. */
async function sharedDocument(editor: { user: { email: string } }) {
  const owner = await docsUser(server);
  const { id } = await createDocument(owner);
  const shared = await owner.api.request("POST", `/api/docs/v1/documents/${id}/accesses`, {
    email: editor.user.email,
    role: "editor",
  });
  expect(shared.status).toBe(204);
  return { id, owner, ownerEditor: await openEditor(server.url, id, owner.token) };
}

/**
 * The revoked editor's socket closes; what it types afterwards is never stored, and it
 * receives nothing more of the others' edits.
 */
async function expectCutOff(
  revoked: Editor,
  owner: DocsUser,
  ownerEditor: Editor,
  id: string,
  closeWithinMs = 10_000,
) {
  await eventually(() => expect(revoked.refusal.closed).toBeDefined(), {
    timeoutMs: closeWithinMs,
  });
  revoked.text.insert(0, "AFTER REVOCATION ");
  ownerEditor.text.insert(ownerEditor.text.length, " owner still writes");
  const reopened = await openEditor(server.url, id, owner.token);
  await eventually(() => expect(reopened.text.toString()).toContain("owner still writes"));
  expect(reopened.text.toString()).not.toContain("AFTER REVOCATION");
  expect(revoked.text.toString()).not.toContain("owner still writes");
  for (const editor of [revoked, ownerEditor, reopened]) editor.provider.destroy();
}

/** An editor on a shared document, open and seen to write (so the socket really was live). */
async function liveEditor(who: DocsUser, options: { token?: string; cookie?: string } = {}) {
  const document = await sharedDocument(who);
  const editor = await openEditor(server.url, document.id, options.token ?? who.token, {
    cookie: options.cookie,
  });
  editor.text.insert(0, "before ");
  await eventually(() => expect(document.ownerEditor.text.toString()).toContain("before"));
  return { ...document, editor };
}

/** A new account signed in with its password: a browser session, its cookie, and the client. */
async function browserUser(): Promise<DocsUser & { browser: ApiClient; password: string }> {
  const { user, password } = await buildUser(server.tandem);
  const browser = new ApiClient(server.url);
  expect((await browser.signIn(user.email, password)).status).toBe(200);
  return { user, token: "", api: browser, browser, password };
}

function cookieOf(client: ApiClient): string {
  if (!client.cookie) throw new Error("not signed in");
  return client.cookie;
}

describe("a revoked credential closes the collaboration socket it opened", () => {
  test("an administrator disables the account", async () => {
    const colleague = await docsUser(server);
    const { id, owner, ownerEditor, editor } = await liveEditor(colleague);
    const disabled = await admin.request(
      "POST",
      `/api/v1/admin/users/${colleague.user.id}/disable`,
    );
    expect(disabled.status, disabled.text).toBe(200);
    await expectCutOff(editor, owner, ownerEditor, id);
  });

  test("SCIM sets active=false", async () => {
    const colleague = await docsUser(server);
    const { id, owner, ownerEditor, editor } = await liveEditor(colleague);
    const patched = await scim.request("PATCH", `/Users/${colleague.user.id}`, {
      schemas: [PATCH_OP],
      Operations: [{ op: "replace", path: "active", value: false }],
    });
    expect(patched.status, patched.text).toBe(200);
    await expectCutOff(editor, owner, ownerEditor, id);
  });

  test("SCIM deletes the account", async () => {
    const colleague = await browserUser();
    const { id, owner, ownerEditor, editor } = await liveEditor(colleague, {
      cookie: cookieOf(colleague.browser),
    });
    const deleted = await scim.request("DELETE", `/Users/${colleague.user.id}`);
    expect(deleted.status, deleted.text).toBe(204);
    await expectCutOff(editor, owner, ownerEditor, id);
  });

  test("the user revokes the personal access token", async () => {
    const colleague = await docsUser(server);
    const { id, owner, ownerEditor, editor } = await liveEditor(colleague);
    const [token] = (await colleague.api.request("GET", "/api/v1/account/tokens")).json.tokens;
    const revoked = await colleague.api.request("DELETE", `/api/v1/account/tokens/${token.id}`);
    expect(revoked.status, revoked.text).toBe(204);
    await expectCutOff(editor, owner, ownerEditor, id);
  });

  // The token lives long enough for its socket to open on a loaded machine (CI runs many
  // suites at once on two cores); the wait for the close covers the rest of its life.
  test("a token that expires closes its socket at its expiry", { timeout: 60_000 }, async () => {
    const colleague = await docsUser(server);
    const lifetimeMs = 15_000;
    const { token: shortLived } = await server.tandem.access.createToken(colleague.user, {
      expiresAt: Date.now() + lifetimeMs,
      scopes: ["api"],
    });
    const { id, owner, ownerEditor, editor } = await liveEditor(colleague, { token: shortLived });
    await expectCutOff(editor, owner, ownerEditor, id, lifetimeMs + 10_000);
  });

  test("signing out closes the sockets of that session only", async () => {
    const colleague = await browserUser();
    const elsewhere = new ApiClient(server.url);
    await elsewhere.signIn(colleague.user.email, colleague.password);
    const { id, owner, ownerEditor, editor } = await liveEditor(colleague, {
      cookie: cookieOf(colleague.browser),
    });
    const other = await openEditor(server.url, id, "", { cookie: cookieOf(elsewhere) });
    const signedOut = await colleague.browser.request("DELETE", "/api/v1/session");
    expect([200, 204]).toContain(signedOut.status);
    await expectCutOff(editor, owner, ownerEditor, id);
    expect(other.refusal.closed).toBeUndefined();
    other.provider.destroy();
  });

  test("a session ended from the account page", async () => {
    const colleague = await browserUser();
    const elsewhere = new ApiClient(server.url);
    await elsewhere.signIn(colleague.user.email, colleague.password);
    const { id, owner, ownerEditor, editor } = await liveEditor(colleague, {
      cookie: cookieOf(elsewhere),
    });
    const sessions = (await colleague.browser.request("GET", "/api/v1/account/sessions")).json;
    const target = sessions.sessions.find((s: { current: boolean }) => !s.current);
    const ended = await colleague.browser.request(
      "DELETE",
      `/api/v1/account/sessions/${target.id}`,
    );
    expect(ended.status, ended.text).toBe(204);
    await expectCutOff(editor, owner, ownerEditor, id);
  });

  test("a password change closes the other sessions' sockets, not the one that made it", async () => {
    const colleague = await browserUser();
    const elsewhere = new ApiClient(server.url);
    await elsewhere.signIn(colleague.user.email, colleague.password);
    const { id, owner, ownerEditor, editor } = await liveEditor(colleague, {
      cookie: cookieOf(elsewhere),
    });
    const mine = await openEditor(server.url, id, "", { cookie: cookieOf(colleague.browser) });
    const changed = await colleague.browser.request("PUT", "/api/v1/account/password", {
      currentPassword: colleague.password,
      newPassword: `new-${colleague.password}-Xq9`,
    });
    expect(changed.status, changed.text).toBe(204);
    await expectCutOff(editor, owner, ownerEditor, id);
    expect(mine.refusal.closed).toBeUndefined();
    mine.provider.destroy();
  });

  test("an administrator ends the account's sessions (second factors reset)", async () => {
    const colleague = await browserUser();
    const { id, owner, ownerEditor, editor } = await liveEditor(colleague, {
      cookie: cookieOf(colleague.browser),
    });
    const reset = await admin.request(
      "DELETE",
      `/api/v1/admin/users/${colleague.user.id}/second-factors`,
    );
    expect(reset.status, reset.text).toBe(204);
    await expectCutOff(editor, owner, ownerEditor, id);
  });

  test("a socket of another account stays open", async () => {
    const colleague = await docsUser(server);
    const bystander = await docsUser(server);
    const { id, owner, ownerEditor, editor } = await liveEditor(colleague);
    await owner.api.request("POST", `/api/docs/v1/documents/${id}/accesses`, {
      email: bystander.user.email,
      role: "editor",
    });
    const theirs = await openEditor(server.url, id, bystander.token);
    await admin.request("POST", `/api/v1/admin/users/${colleague.user.id}/disable`);
    await eventually(() => expect(editor.refusal.closed).toBeDefined());
    theirs.text.insert(0, "bystander ");
    await eventually(() => expect(ownerEditor.text.toString()).toContain("bystander"));
    expect(theirs.refusal.closed).toBeUndefined();
    for (const open of [editor, ownerEditor, theirs]) open.provider.destroy();
  });
});

describe("a revocation nothing published (the CLI) still reaches the socket", () => {
  let quick: TestServer;
  beforeAll(async () => {
    // Open sockets check their credential every second here (a minute by default).
    quick = await startTestServer({ TANDEM_DOCS_CREDENTIAL_RECHECK_SECONDS: "1" });
  });
  afterAll(() => quick?.close());

  test("`tandem user disable` and `tandem user reset-mfa` beside the running server", async () => {
    const owner = await docsUser(quick);
    const scripted = await docsUser(quick);
    const { user, password } = await buildUser(quick.tandem);
    const browser = new ApiClient(quick.url);
    expect((await browser.signIn(user.email, password)).status).toBe(200);
    const { id } = await createDocument(owner);
    for (const email of [scripted.user.email, user.email]) {
      await owner.api.request("POST", `/api/docs/v1/documents/${id}/accesses`, {
        email,
        role: "editor",
      });
    }
    const ownerEditor = await openEditor(quick.url, id, owner.token);
    const byToken = await openEditor(quick.url, id, scripted.token);
    const bySession = await openEditor(quick.url, id, "", { cookie: cookieOf(browser) });

    const disabled = await runCli(
      ["user", "disable", "--email", scripted.user.email],
      quick.backend.env,
    );
    expect(disabled.code, disabled.stderr).toBe(0);
    const reset = await runCli(["user", "reset-mfa", user.email], quick.backend.env);
    expect(reset.code, reset.stderr).toBe(0);

    await eventually(() => expect(byToken.refusal.closed).toBeDefined());
    await eventually(() => expect(bySession.refusal.closed).toBeDefined());
    byToken.text.insert(0, "AFTER DISABLE ");
    bySession.text.insert(0, "AFTER RESET ");
    ownerEditor.text.insert(0, "owner still writes ");
    const reopened = await openEditor(quick.url, id, owner.token);
    await eventually(() => expect(reopened.text.toString()).toContain("owner still writes"));
    expect(reopened.text.toString()).not.toMatch(/AFTER (DISABLE|RESET)/);
    for (const editor of [ownerEditor, byToken, bySession, reopened]) editor.provider.destroy();
  });
});
