import { startTestServer, type TestServer } from "@tandem/testkit";
import * as client from "openid-client";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { codeFlow, REDIRECT_URI, registerClient, relyingParty, signedInAgent } from "./support.js";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server?.close());

test("an app's sign-out asks in the browser's language, on a page that loads nothing from elsewhere", async () => {
  const { agent } = await signedInAgent(server.url, server.tandem);
  const rp = await relyingParty(server.url, await registerClient(server.tandem.database));
  const { tokens } = await codeFlow(rp, agent, REDIRECT_URI);
  const url = client.buildEndSessionUrl(rp, { id_token_hint: tokens.id_token ?? "" });
  for (const [language, yes] of [
    ["fr-FR,fr;q=0.9", "Oui, me déconnecter"],
    ["de", "Ja, abmelden"],
    ["nl", "Yes, sign me out"],
  ] as const) {
    const response = await agent.fetch(url, { headers: { "accept-language": language } });
    const page = await response.text();
    expect(response.status).toBe(200);
    expect(page).toContain(yes);
    expect(page).not.toMatch(/https?:\/\/(?!127\.0\.0\.1)/);
    expect(page).not.toContain("<script");
  }
});

/** The confirmation form's action and xsrf token, as a browser would find them on the page. */
function formOf(page: string) {
  return {
    action: /<form method="post" action="([^"]+)"/.exec(page)?.[1] ?? "",
    xsrf: /name="xsrf" value="([^"]+)"/.exec(page)?.[1] ?? "",
  };
}

describe("GET /oidc/session/end without an app's id_token_hint (a page elsewhere may send it)", () => {
  test("asks with a form the user sends, in the browser's language; the user stays signed in", async () => {
    const { agent } = await signedInAgent(server.url, server.tandem);
    for (const [language, button] of [
      ["fr", "Se déconnecter"],
      ["de-DE", "Abmelden"],
      ["en", "Sign out"],
    ] as const) {
      const response = await agent.fetch(`${server.url}/oidc/session/end`, {
        headers: { "accept-language": language },
      });
      const page = await response.text();
      expect(response.status).toBe(200);
      // A real page: no script submits the form, the user's button does.
      expect(page).not.toContain("<script");
      expect(page).toMatch(/<html lang="(en|fr|de)">/);
      expect(page).toContain(`<button autofocus type="submit" value="yes">${button}</button>`);
      expect(formOf(page).action).toMatch(/\/oidc\/session\/end\/confirm$/);
    }
    expect((await agent.fetch(`${server.url}/api/v1/me`)).status).toBe(200);
  });

  test("after the user confirms, they are signed out", async () => {
    const { agent } = await signedInAgent(server.url, server.tandem);
    const page = await (await agent.fetch(`${server.url}/oidc/session/end`)).text();
    const { action, xsrf } = formOf(page);
    const done = await agent.fetch(new URL(action, server.url), {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ xsrf, logout: "yes" }).toString(),
    });
    expect(done.status).toBe(303);
    expect((await agent.fetch(`${server.url}/api/v1/me`)).status).toBe(401);
  });

  test("a form posted from elsewhere without the page's xsrf token signs no one out", async () => {
    const { agent } = await signedInAgent(server.url, server.tandem);
    await agent.fetch(`${server.url}/oidc/session/end`);
    const forged = await agent.fetch(`${server.url}/oidc/session/end/confirm`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ xsrf: "guessed", logout: "yes" }).toString(),
    });
    expect(forged.status).toBe(400);
    expect((await agent.fetch(`${server.url}/api/v1/me`)).status).toBe(200);
  });
});

test("with an app's valid id_token_hint, the sign-out goes on as before: confirmed, then signed out", async () => {
  const { agent } = await signedInAgent(server.url, server.tandem);
  const rp = await relyingParty(server.url, await registerClient(server.tandem.database));
  const { tokens } = await codeFlow(rp, agent, REDIRECT_URI);
  const url = client.buildEndSessionUrl(rp, { id_token_hint: tokens.id_token ?? "" });
  const page = await (await agent.fetch(url)).text();
  expect(page).toContain('form="op.logoutForm" value="yes" name="logout"');
  const action = /action="([^"]+)"/.exec(page)?.[1] ?? "";
  const { xsrf } = formOf(page);
  const done = await agent.fetch(new URL(action, server.url), {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ xsrf, logout: "yes" }).toString(),
  });
  expect(done.status).toBe(303);
  expect((await agent.fetch(`${server.url}/api/v1/me`)).status).toBe(401);
});

test("answering the app's question with no keeps the user signed in to Tandem", async () => {
  const { agent } = await signedInAgent(server.url, server.tandem);
  const rp = await relyingParty(server.url, await registerClient(server.tandem.database));
  const { tokens } = await codeFlow(rp, agent, REDIRECT_URI);
  const url = client.buildEndSessionUrl(rp, { id_token_hint: tokens.id_token ?? "" });
  const page = await (await agent.fetch(url)).text();
  const action = /action="([^"]+)"/.exec(page)?.[1] ?? "";
  const { xsrf } = formOf(page);
  const done = await agent.fetch(new URL(action, server.url), {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ xsrf }).toString(),
  });
  expect(done.status).toBe(303);
  expect((await agent.fetch(`${server.url}/api/v1/me`)).status).toBe(200);
});
