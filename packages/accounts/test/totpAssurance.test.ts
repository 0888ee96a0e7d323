import { MfaService, totpCodeAt } from "@tandem/accounts";
import { buildUser, OidcUserAgent, startTestServer, type TestServer } from "@tandem/testkit";
import { afterAll, beforeAll, expect, test } from "vitest";
// The identity module's test helpers: a registered client and a whole code flow.
import {
  codeFlow,
  REDIRECT_URI,
  registerClient,
  relyingParty,
} from "../../identity/test/support.js";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server?.close());

/** Signs the agent in with the password, then the app's current code. */
async function signInWithTotp(agent: OidcUserAgent, email: string, password: string, code: string) {
  const post = (path: string, body: unknown) =>
    agent.fetch(new URL(path, server.url), {
      method: "POST",
      headers: { origin: new URL(server.url).origin, "content-type": "application/json" },
      body: JSON.stringify(body),
    });
  const first = await post("/api/v1/session", { email, password });
  const { challenge } = (await first.json()) as { challenge: string };
  const second = await post("/api/v1/session/mfa", { challenge, code });
  expect(second.status).toBe(200);
}

test("a session completed with a TOTP code reaches apps as acr eidas2, amr pwd + otp", async () => {
  const { user, password } = await buildUser(server.tandem);
  const mfa = new MfaService(server.tandem.database);
  const { secret } = await mfa.enrol(user);
  await mfa.confirm(user, totpCodeAt(secret, Date.now() - 30_000));

  const agent = new OidcUserAgent();
  await signInWithTotp(agent, user.email, password, totpCodeAt(secret, Date.now()));
  const rp = await relyingParty(server.url, await registerClient(server.tandem.database));
  const { tokens } = await codeFlow(rp, agent, REDIRECT_URI);
  expect(tokens.claims()).toMatchObject({ sub: user.id, acr: "eidas2", amr: ["pwd", "otp"] });

  // A password-only session of another account still states eidas1.
  const plain = await buildUser(server.tandem);
  const other = new OidcUserAgent();
  await other.signIn(server.url, plain.user.email, plain.password);
  const { tokens: plainTokens } = await codeFlow(rp, other, REDIRECT_URI);
  expect(plainTokens.claims()).toMatchObject({ acr: "eidas1", amr: ["pwd"] });
});
