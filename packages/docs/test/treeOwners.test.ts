import { startTestServer, type TestServer } from "@tandem/testkit";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createDocument, type DocsUser, docsUser } from "./support.js";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server?.close());

const docs = "/api/docs/v1/documents";

async function subPage(owner: DocsUser, parentId: string, title = "K") {
  const response = await owner.api.request("POST", docs, { title, parentId });
  expect(response.status).toBe(201);
  return response.json.id as string;
}

async function share(owner: DocsUser, id: string, to: DocsUser, role: string) {
  const response = await owner.api.request("POST", `${docs}/${id}/accesses`, {
    email: to.user.email,
    role,
  });
  expect(response.status).toBe(204);
}

const roleOf = async (user: DocsUser, id: string) =>
  (await user.api.request("GET", `${docs}/${id}`)).json.role;

/** A (owner of Q and its sub-page K), B (administrator on Q, owner of X). */
async function stage() {
  const a = await docsUser(server);
  const b = await docsUser(server);
  const { id: q } = await createDocument(a, { title: "Q" });
  const k = await subPage(a, q);
  await share(a, q, b, "administrator");
  const { id: x } = await createDocument(b, { title: "X" });
  return { a, b, q, k, x };
}

describe("moving a page keeps it with its owners", () => {
  test("an administrator cannot carry a page off under a tree of their own", async () => {
    const { a, b, k, x } = await stage();
    const moved = await b.api.request("POST", `${docs}/${k}/move`, { parentId: x });
    expect(moved.status).toBe(403);
    expect(moved.json.message).toMatch(/owner/);
    expect((await b.api.request("DELETE", `${docs}/${k}`)).status).toBe(403);
    expect(await roleOf(a, k)).toBe("owner");
  });

  test("moved to the top by an administrator, the page stays its owners'", async () => {
    const { a, b, k } = await stage();
    const moved = await b.api.request("POST", `${docs}/${k}/move`, { parentId: null });
    expect(moved.status).toBe(200);
    expect(moved.json).toMatchObject({ parentId: null, role: "administrator" });
    const { accesses } = (await a.api.request("GET", `${docs}/${k}/accesses`)).json;
    expect(accesses).toContainEqual(expect.objectContaining({ userId: a.user.id, role: "owner" }));
    expect(await roleOf(a, k)).toBe("owner");
    expect((await b.api.request("DELETE", `${docs}/${k}`)).status).toBe(403);
  });

  test("an administrator reorganises pages within the same owner's trees", async () => {
    const { a, b, q, k } = await stage();
    const sibling = await subPage(a, q, "Q2");
    expect((await b.api.request("POST", `${docs}/${k}/move`, { parentId: sibling })).status).toBe(
      200,
    );
    const { id: z } = await createDocument(a, { title: "Z" });
    await share(a, z, b, "editor");
    expect((await b.api.request("POST", `${docs}/${k}/move`, { parentId: z })).status).toBe(200);
    expect(await roleOf(a, k)).toBe("owner");
    expect(await roleOf(b, k)).toBe("editor");
  });

  test("the owner of a sub-page alone cannot take it from the tree's owners", async () => {
    const { a, k } = await stage();
    const d = await docsUser(server);
    await share(a, k, d, "owner");
    const { id: y } = await createDocument(d, { title: "Y" });
    expect((await d.api.request("POST", `${docs}/${k}/move`, { parentId: y })).status).toBe(403);
    expect((await d.api.request("POST", `${docs}/${k}/move`, { parentId: null })).status).toBe(200);
    expect(await roleOf(a, k)).toBe("owner");
    expect(await roleOf(d, k)).toBe("owner");
  });

  test("an owner may hand a page over to another tree's owners", async () => {
    const { a, b, k, x } = await stage();
    await share(b, x, a, "editor");
    expect((await a.api.request("POST", `${docs}/${k}/move`, { parentId: x })).status).toBe(200);
    expect(await roleOf(b, k)).toBe("owner");
    expect(await roleOf(a, k)).toBe("editor");
  });
});

test("a group that owns the tree is an owner like an account", async () => {
  const { a, b, q, k } = await stage();
  const admin = await server.tandem.accounts.byEmail(server.admin.email);
  if (!admin) throw new Error("no first administrator");
  const { token } = await server.tandem.access.createToken(admin, {
    expiresAt: null,
    scopes: ["scim"],
  });
  const scim = await fetch(`${server.url}/scim/v2/Groups`, {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/scim+json" },
    body: JSON.stringify({
      schemas: ["urn:ietf:params:scim:schemas:core:2.0:Group"],
      displayName: `Propriétaires ${q}`,
    }),
  });
  const group = (await scim.json()) as { id: string };
  const granted = await a.api.request("POST", `${docs}/${q}/accesses`, {
    groupId: group.id,
    role: "owner",
  });
  expect(granted.status).toBe(204);
  // A tree of A's alone: the group would lose the page there.
  const { id: z } = await createDocument(a, { title: "Z" });
  await share(a, z, b, "editor");
  expect((await b.api.request("POST", `${docs}/${k}/move`, { parentId: z })).status).toBe(403);
  // At the top, the group keeps it as A does.
  expect((await b.api.request("POST", `${docs}/${k}/move`, { parentId: null })).status).toBe(200);
  const { accesses } = (await a.api.request("GET", `${docs}/${k}/accesses`)).json;
  expect(accesses).toContainEqual(expect.objectContaining({ groupId: group.id, role: "owner" }));
});

describe("no page ends up without an owner", () => {
  /** Z, whose only owner's access is gone (as an account deleted before owners were kept). */
  async function ownerlessTree(editor: DocsUser) {
    const c = await docsUser(server);
    const { id: z } = await createDocument(c, { title: "Z" });
    await share(c, z, editor, "editor");
    await server.tandem.database.db
      .deleteFrom("docs_accesses")
      .where("document_id", "=", z)
      .where("user_id", "=", c.user.id)
      .execute();
    return z;
  }

  test("a page cannot move under a tree without an owner", async () => {
    const { a, k } = await stage();
    const z = await ownerlessTree(a);
    const moved = await a.api.request("POST", `${docs}/${k}/move`, { parentId: z });
    expect(moved.status).toBe(409);
    expect(await roleOf(a, k)).toBe("owner");
  });

  test("a copy made in a tree without an owner belongs to whoever made it", async () => {
    const a = await docsUser(server);
    const z = await ownerlessTree(a);
    const page = await subPage(a, z, "Z1");
    const copy = await a.api.request("POST", `${docs}/${page}/duplicate`);
    expect(copy.status).toBe(201);
    expect(copy.json.role).toBe("owner");
  });
});
