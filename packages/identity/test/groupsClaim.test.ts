import { startTestServer, type TestServer } from "@tandem/testkit";
import * as client from "openid-client";
import { afterAll, beforeAll, expect, test } from "vitest";
import { codeFlow, REDIRECT_URI, registerClient, relyingParty, signedInAgent } from "./support.js";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server?.close());

test("groups provisioned by SCIM reach apps as the `groups` claim, with the organisation claims", async () => {
  const { agent, user } = await signedInAgent(server.url, server.tandem, {
    name: "Camille Martin",
  });
  const admin = await server.tandem.accounts.byEmail(server.admin.email);
  const { token } = await server.tandem.access.createToken(admin, { expiresAt: null });
  const created = await fetch(`${server.url}/scim/v2/Groups`, {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/scim+json" },
    body: JSON.stringify({
      schemas: ["urn:ietf:params:scim:schemas:core:2.0:Group"],
      displayName: "Cellule numérique",
      members: [{ value: user.id }],
    }),
  });
  expect(created.status, await created.clone().text()).toBe(201);

  const rp = await relyingParty(server.url, await registerClient(server.tandem.database));
  const { tokens } = await codeFlow(rp, agent, REDIRECT_URI, {
    scope: "openid email profile organisation groups",
  });
  const claims = tokens.claims();
  expect(claims).toMatchObject({
    sub: user.id,
    given_name: "Camille",
    family_name: "Martin",
    organisation: "Tandem",
    home_federation: "FR",
    groups: ["Cellule numérique"],
    acr: "eidas1",
    amr: ["pwd"],
  });
  const userinfo = await client.fetchUserInfo(rp, tokens.access_token, user.id);
  expect(userinfo.groups).toEqual(["Cellule numérique"]);
});
