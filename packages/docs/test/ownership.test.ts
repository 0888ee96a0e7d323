import { ApiClient, startTestServer, type TestServer } from "@tandem/testkit";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createDocument, type DocsUser, docsUser } from "./support.js";

let server: TestServer;
/** The first administrator, with a token for the REST API, SCIM and the admin API. */
let admin: { id: string; email: string; api: ApiClient; scim: ApiClient };
beforeAll(async () => {
  server = await startTestServer();
  const user = await server.tandem.accounts.byEmail(server.admin.email);
  const { token } = await server.tandem.access.createToken(user, {
    expiresAt: null,
    scopes: ["api", "scim", "admin"],
  });
  admin = {
    id: user.id,
    email: user.email,
    api: new ApiClient(server.url, { bearer: token }),
    scim: new ApiClient(`${server.url}/scim/v2`, { bearer: token }),
  };
});
afterAll(() => server?.close());

const docs = "/api/docs/v1/documents";
const PATCH_OP = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

async function accessesOf(user: DocsUser, id: string) {
  const listed = await user.api.request("GET", `${docs}/${id}/accesses`);
  return listed.json.accesses as Array<{
    id: string;
    userId: string | null;
    groupId: string | null;
    role: string;
  }>;
}

async function share(owner: DocsUser, id: string, body: Record<string, unknown>) {
  const response = await owner.api.request("POST", `${docs}/${id}/accesses`, body);
  expect(response.status, response.text).toBe(204);
}

async function scimGroup(members: string[]): Promise<string> {
  const created = await admin.scim.request(
    "POST",
    "/Groups",
    {
      schemas: ["urn:ietf:params:scim:schemas:core:2.0:Group"],
      displayName: `Owners ${crypto.randomUUID()}`,
      members: members.map((value) => ({ value })),
    },
    { "content-type": "application/scim+json" },
  );
  expect(created.status, created.text).toBe(201);
  return created.json.id;
}

describe("a document administrator cannot take a document from its owner (issue 11, item 3)", () => {
  test("demoting the owner by e-mail, then removing their access: both 403, A keeps Q", async () => {
    const a = await docsUser(server);
    const b = await docsUser(server);
    const { id: q } = await createDocument(a, { title: "Q" });
    await share(a, q, { email: b.user.email, role: "administrator" });

    const demote = await b.api.request("POST", `${docs}/${q}/accesses`, {
      email: a.user.email,
      role: "reader",
    });
    expect(demote.status).toBe(403);
    expect(demote.json.message).toMatch(/owner/);
    const ownerAccess = (await accessesOf(b, q)).find((row) => row.userId === a.user.id);
    expect(ownerAccess?.role).toBe("owner");
    const removal = await b.api.request("DELETE", `${docs}/${q}/accesses/${ownerAccess?.id}`);
    expect(removal.status).toBe(403);
    expect((await a.api.request("GET", `${docs}/${q}`)).json.role).toBe("owner");
  });

  test("nor by overwriting the role of a group that owns it", async () => {
    const a = await docsUser(server);
    const b = await docsUser(server);
    const groupId = await scimGroup([a.user.id]);
    const { id: q } = await createDocument(a, { title: "Q" });
    await share(a, q, { groupId, role: "owner" });
    await share(a, q, { email: b.user.email, role: "administrator" });
    const demote = await b.api.request("POST", `${docs}/${q}/accesses`, {
      groupId,
      role: "reader",
    });
    expect(demote.status).toBe(403);
    const group = (await accessesOf(a, q)).find((row) => row.groupId === groupId);
    expect(group?.role).toBe("owner");
  });

  test("nor by accepting, with a lower role, a request its owner made before", async () => {
    const a = await docsUser(server);
    const c = await docsUser(server);
    const b = await docsUser(server);
    const { id: q } = await createDocument(a, { title: "Q" });
    await share(a, q, { email: c.user.email, role: "reader" });
    const asked = await c.api.request("POST", `${docs}/${q}/access-requests`, { role: "editor" });
    expect(asked.status).toBe(201);
    await share(a, q, { email: c.user.email, role: "owner" });
    await share(a, q, { email: b.user.email, role: "administrator" });
    const accept = await b.api.request(
      "POST",
      `${docs}/${q}/access-requests/${asked.json.id}/accept`,
      { role: "reader" },
    );
    expect(accept.status).toBe(403);
    expect((await c.api.request("GET", `${docs}/${q}`)).json.role).toBe("owner");
  });
});

describe("a document keeps an owner (issue 11, item 1)", () => {
  test("REST: the last owner cannot remove their own access (409); with another owner they can", async () => {
    const a = await docsUser(server);
    const b = await docsUser(server);
    const { id } = await createDocument(a);
    const own = (await accessesOf(a, id)).find((row) => row.userId === a.user.id);
    const refused = await a.api.request("DELETE", `${docs}/${id}/accesses/${own?.id}`);
    expect(refused.status).toBe(409);
    expect(refused.json.message).toMatch(/last owner/);
    expect((await a.api.request("GET", `${docs}/${id}`)).json.role).toBe("owner");

    await share(a, id, { email: b.user.email, role: "owner" });
    expect((await a.api.request("DELETE", `${docs}/${id}/accesses/${own?.id}`)).status).toBe(204);
    expect((await b.api.request("GET", `${docs}/${id}`)).json.role).toBe("owner");
  });

  test("REST: the last owner cannot downgrade their own role (409)", async () => {
    const a = await docsUser(server);
    const { id } = await createDocument(a);
    const downgrade = await a.api.request("POST", `${docs}/${id}/accesses`, {
      email: a.user.email,
      role: "editor",
    });
    expect(downgrade.status).toBe(409);
    expect(downgrade.json.message).toMatch(/last owner/);
    expect((await a.api.request("GET", `${docs}/${id}`)).json.role).toBe("owner");
  });

  test("removing or downgrading the group that is the only owner is refused (409)", async () => {
    const a = await docsUser(server);
    const groupId = await scimGroup([a.user.id]);
    const { id } = await createDocument(a);
    await share(a, id, { groupId, role: "owner" });
    const own = (await accessesOf(a, id)).find((row) => row.userId === a.user.id);
    expect((await a.api.request("DELETE", `${docs}/${id}/accesses/${own?.id}`)).status).toBe(204);
    const group = (await accessesOf(a, id)).find((row) => row.groupId === groupId);
    const removal = await a.api.request("DELETE", `${docs}/${id}/accesses/${group?.id}`);
    expect(removal.status).toBe(409);
    const downgrade = await a.api.request("POST", `${docs}/${id}/accesses`, {
      groupId,
      role: "editor",
    });
    expect(downgrade.status).toBe(409);
    expect((await a.api.request("GET", `${docs}/${id}`)).json.role).toBe("owner");
  });

  test("SCIM deactivation of the only owner: the administrators become owners, audited", async () => {
    const a = await docsUser(server);
    const b = await docsUser(server);
    const { id: alone } = await createDocument(a, { title: "Seul propriétaire" });
    const { id: shared } = await createDocument(a, { title: "Deux propriétaires" });
    await share(a, shared, { email: b.user.email, role: "owner" });

    const disabled = await admin.scim.request(
      "PATCH",
      `/Users/${a.user.id}`,
      { schemas: [PATCH_OP], Operations: [{ op: "replace", path: "active", value: false }] },
      { "content-type": "application/scim+json" },
    );
    expect(disabled.status, disabled.text).toBe(200);

    const seen = await admin.api.request("GET", `${docs}/${alone}`);
    expect(seen.json.role).toBe("owner");
    // Where another owner remains, nothing passes to the administrators.
    expect((await admin.api.request("GET", `${docs}/${shared}`)).status).toBe(403);
    const audit = await admin.api.request(
      "GET",
      "/api/v1/admin/audit?action=document_ownership_transferred",
    );
    const entries = audit.json.events.filter((event: { subject: string }) =>
      [alone, shared].includes(event.subject),
    );
    expect(entries).toMatchObject([
      {
        subject: alone,
        outcome: "success",
        details: { from: a.user.id, to: [admin.email], title: "Seul propriétaire" },
      },
    ]);
  });

  test("administrators list the documents nobody owns and recover them, audited", async () => {
    const a = await docsUser(server);
    const heir = await docsUser(server);
    const { id } = await createDocument(a, { title: "Orphelin" });
    // A document orphaned before owners were kept: its only owner's access is gone.
    await server.tandem.database.db
      .deleteFrom("docs_accesses")
      .where("document_id", "=", id)
      .execute();

    expect((await a.api.request("GET", "/api/docs/v1/admin/orphans")).status).toBe(403);
    const listed = await admin.api.request("GET", "/api/docs/v1/admin/orphans");
    expect(listed.status).toBe(200);
    expect(listed.json.documents).toContainEqual(
      expect.objectContaining({ id, title: "Orphelin" }),
    );

    const refused = await a.api.request("POST", `/api/docs/v1/admin/orphans/${id}/recover`, {});
    expect(refused.status).toBe(403);
    const recovered = await admin.api.request("POST", `/api/docs/v1/admin/orphans/${id}/recover`, {
      email: heir.user.email,
    });
    expect(recovered.status, recovered.text).toBe(200);
    expect((await heir.api.request("GET", `${docs}/${id}`)).json.role).toBe("owner");
    const after = await admin.api.request("GET", "/api/docs/v1/admin/orphans");
    expect(after.json.documents.map((doc: { id: string }) => doc.id)).not.toContain(id);
    // Owned again, it is no longer the administrators' to hand out.
    const again = await admin.api.request("POST", `/api/docs/v1/admin/orphans/${id}/recover`, {});
    expect(again.status).toBe(404);

    const audit = await admin.api.request("GET", "/api/v1/admin/audit?action=document_recovered");
    expect(audit.json.events).toContainEqual(
      expect.objectContaining({
        subject: id,
        actorEmail: admin.email,
        details: expect.objectContaining({ owner: heir.user.email }),
      }),
    );
  });
});

describe("the member list is for those who may share (issue 11, item 8)", () => {
  test("a link visitor gets 403; a reader sees names only; an administrator sees all", async () => {
    const owner = await docsUser(server);
    const visitor = await docsUser(server);
    const reader = await docsUser(server);
    const manager = await docsUser(server);
    const { id } = await createDocument(owner, { title: "Ouvert" });
    await share(owner, id, { email: reader.user.email, role: "reader" });
    await share(owner, id, { email: manager.user.email, role: "administrator" });
    const pending = `pending.${Date.now()}@example.org`;
    await share(owner, id, { email: pending, role: "editor" });
    await owner.api.request("PATCH", `${docs}/${id}`, { linkReach: "authenticated" });

    expect((await visitor.api.request("GET", `${docs}/${id}`)).json.role).toBe("reader");
    const refused = await visitor.api.request("GET", `${docs}/${id}/accesses`);
    expect(refused.status).toBe(403);
    expect(refused.text).not.toContain(owner.user.email);

    // Comment authors are named for members; their addresses and invitations are not shown.
    const named = await reader.api.request("GET", `${docs}/${id}/accesses`);
    expect(named.status).toBe(200);
    expect(named.json.invitations).toEqual([]);
    expect(named.text).not.toContain(owner.user.email);
    expect(named.text).not.toContain(pending);
    expect(named.json.accesses).toContainEqual(
      expect.objectContaining({ userId: owner.user.id, name: owner.user.name, email: null }),
    );

    const listed = await manager.api.request("GET", `${docs}/${id}/accesses`);
    expect(listed.status).toBe(200);
    expect(listed.json.invitations).toMatchObject([{ email: pending }]);
    expect(listed.text).toContain(owner.user.email);
  });
});
