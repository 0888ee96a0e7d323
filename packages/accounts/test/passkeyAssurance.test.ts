import { buildUser, OidcUserAgent, startTestServer, type TestServer } from "@tandem/testkit";
import { afterAll, beforeAll, expect, test } from "vitest";
// The identity module's test helpers: a registered client and a whole code flow.
import {
  codeFlow,
  REDIRECT_URI,
  registerClient,
  relyingParty,
} from "../../identity/test/support.js";
import { SoftAuthenticator } from "./softAuthenticator.js";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server?.close());

/** JSON to the REST API with the agent's cookies, as the web app sends it. */
async function post(agent: OidcUserAgent, path: string, body: unknown) {
  const response = await agent.fetch(new URL(path, server.url), {
    method: "POST",
    headers: { origin: new URL(server.url).origin, "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  expect(response.status, path).toBeLessThan(300);
  // biome-ignore lint/suspicious/noExplicitAny: the test reads the fields it needs
  return (await response.json()) as any;
}

test("a passkey session reaches apps as eidas2: pwd + hwk + mfa, or hwk + user + mfa alone", async () => {
  const { user, password } = await buildUser(server.tandem);
  const authenticator = new SoftAuthenticator(server.url);
  const agent = new OidcUserAgent();
  await post(agent, "/api/v1/session", { email: user.email, password });
  const options = await post(agent, "/api/v1/mfa/passkeys/options", {});
  await post(agent, "/api/v1/mfa/passkeys", {
    name: "Key",
    credential: authenticator.create(options),
  });
  const rp = await relyingParty(server.url, await registerClient(server.tandem.database));

  const second = new OidcUserAgent();
  const { challenge } = await post(second, "/api/v1/session", { email: user.email, password });
  const request = await post(second, "/api/v1/session/passkey/options", { challenge });
  await post(second, "/api/v1/session/passkey", {
    challenge,
    credential: authenticator.get(request),
  });
  const { tokens } = await codeFlow(rp, second, REDIRECT_URI);
  expect(tokens.claims()).toMatchObject({
    sub: user.id,
    acr: "eidas2",
    amr: ["pwd", "hwk", "mfa"],
  });

  const alone = new OidcUserAgent();
  const discoverable = await post(alone, "/api/v1/session/passkey/options", {});
  await post(alone, "/api/v1/session/passkey", { credential: authenticator.get(discoverable) });
  const { tokens: passwordless } = await codeFlow(rp, alone, REDIRECT_URI);
  expect(passwordless.claims()).toMatchObject({ acr: "eidas2", amr: ["hwk", "user", "mfa"] });
});
