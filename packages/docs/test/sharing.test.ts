import { ApiClient, buildUser, startTestServer, type TestServer } from "@tandem/testkit";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createDocument, docsUser } from "./support.js";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server?.close());

const docs = "/api/docs/v1/documents";

describe("sharing with people and asking for access", () => {
  test("an invitation to an e-mail with no account applies at their first visit", async () => {
    const owner = await docsUser(server);
    const { id } = await createDocument(owner, { title: "Convention" });
    const email = `nouvelle.${Date.now()}@example.org`;
    const invited = await owner.api.request("POST", `${docs}/${id}/accesses`, {
      email: email.toUpperCase(),
      role: "commenter",
    });
    expect(invited.status).toBe(204);
    const listed = (await owner.api.request("GET", `${docs}/${id}/accesses`)).json;
    expect(listed.invitations).toMatchObject([{ email, role: "commenter" }]);

    const { user, password } = await buildUser(server.tandem, { email });
    const newcomer = new ApiClient(server.url);
    await newcomer.signIn(user.email, password);
    const seen = await newcomer.request("GET", `${docs}/${id}`);
    expect(seen.json).toMatchObject({ role: "commenter" });
    const after = (await owner.api.request("GET", `${docs}/${id}/accesses`)).json;
    expect(after.invitations).toEqual([]);
    expect(after.accesses.map((a: { userId: string }) => a.userId)).toContain(user.id);
  });

  test("an invitation can be withdrawn before it is used", async () => {
    const owner = await docsUser(server);
    const { id } = await createDocument(owner);
    const email = `retire.${Date.now()}@example.org`;
    await owner.api.request("POST", `${docs}/${id}/accesses`, { email, role: "editor" });
    const [invitation] = (await owner.api.request("GET", `${docs}/${id}/accesses`)).json
      .invitations;
    expect(
      (await owner.api.request("DELETE", `${docs}/${id}/invitations/${invitation.id}`)).status,
    ).toBe(204);
    const { user, password } = await buildUser(server.tandem, { email });
    const late = new ApiClient(server.url);
    await late.signIn(user.email, password);
    expect((await late.request("GET", `${docs}/${id}`)).status).toBe(403);
  });

  test("a group's role applies to its members, as SCIM provisions them", async () => {
    const owner = await docsUser(server);
    const member = await docsUser(server);
    const outsider = await docsUser(server);
    const admin = await server.tandem.accounts.byEmail(server.admin.email);
    const { token } = await server.tandem.access.createToken(admin, {
      expiresAt: null,
      scopes: ["scim"],
    });
    const scim = await fetch(`${server.url}/scim/v2/Groups`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/scim+json" },
      body: JSON.stringify({
        schemas: ["urn:ietf:params:scim:schemas:core:2.0:Group"],
        displayName: "Bureau des marchés",
        members: [{ value: member.user.id }],
      }),
    });
    const group = await scim.json();
    const { id } = await createDocument(owner, { title: "Marché public" });
    const granted = await owner.api.request("POST", `${docs}/${id}/accesses`, {
      groupId: group.id,
      role: "editor",
    });
    expect(granted.status).toBe(204);
    expect((await member.api.request("GET", `${docs}/${id}`)).json.role).toBe("editor");
    expect((await outsider.api.request("GET", `${docs}/${id}`)).status).toBe(403);
    const accesses = (await owner.api.request("GET", `${docs}/${id}/accesses`)).json.accesses;
    expect(accesses).toContainEqual(expect.objectContaining({ groupId: group.id, role: "editor" }));
    const unknown = await owner.api.request("POST", `${docs}/${id}/accesses`, {
      groupId: crypto.randomUUID(),
      role: "reader",
    });
    expect(unknown.status).toBe(404);
  });

  test("ask for access; owners accept or refuse", async () => {
    const owner = await docsUser(server);
    const asker = await docsUser(server);
    const other = await docsUser(server);
    const { id } = await createDocument(owner, { title: "Dossier sensible" });
    expect((await asker.api.request("GET", `${docs}/${id}`)).status).toBe(403);
    const asked = await asker.api.request("POST", `${docs}/${id}/access-requests`, {
      role: "editor",
    });
    expect(asked.status).toBe(201);
    expect((await asker.api.request("GET", `${docs}/${id}/access-requests`)).status).toBe(403);
    const pending = (await owner.api.request("GET", `${docs}/${id}/access-requests`)).json.requests;
    expect(pending).toMatchObject([{ userId: asker.user.id, role: "editor" }]);

    // Accepted with a smaller role than asked.
    const accepted = await owner.api.request(
      "POST",
      `${docs}/${id}/access-requests/${pending[0].id}/accept`,
      { role: "reader" },
    );
    expect(accepted.status).toBe(204);
    expect((await asker.api.request("GET", `${docs}/${id}`)).json.role).toBe("reader");
    expect(
      (await asker.api.request("POST", `${docs}/${id}/access-requests`, { role: "reader" })).status,
    ).toBe(409);

    await other.api.request("POST", `${docs}/${id}/access-requests`, {});
    const [second] = (await owner.api.request("GET", `${docs}/${id}/access-requests`)).json
      .requests;
    expect(
      (await owner.api.request("DELETE", `${docs}/${id}/access-requests/${second.id}`)).status,
    ).toBe(204);
    expect((await other.api.request("GET", `${docs}/${id}`)).status).toBe(403);
    expect(
      (await owner.api.request("DELETE", `${docs}/${id}/access-requests/${second.id}`)).status,
    ).toBe(404);
    expect(
      (await other.api.request("POST", `${docs}/${id}/access-requests`, { role: "owner" })).status,
    ).toBe(400);
    expect(
      (await other.api.request("POST", `${docs}/${crypto.randomUUID()}/access-requests`, {}))
        .status,
    ).toBe(404);
  });
});
