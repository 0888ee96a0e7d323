import { startTestServer, type TestServer } from "@tandem/testkit";
import * as client from "openid-client";
import { afterAll, beforeAll, expect, test } from "vitest";
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
