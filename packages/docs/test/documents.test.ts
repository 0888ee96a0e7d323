import { ApiClient, startTestServer, type TestServer } from "@tandem/testkit";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createDocument, docsUser } from "./support.js";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server?.close());

const docs = "/api/docs/v1/documents";

describe("documents over REST", () => {
  test("a new document belongs to its creator; a sub-page inherits the parent's accesses", async () => {
    const owner = await docsUser(server);
    const colleague = await docsUser(server);
    const created = await owner.api.request("POST", docs, { title: "Projet" });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({
      title: "Projet",
      parentId: null,
      role: "owner",
      linkReach: "restricted",
      abilities: { read: true, edit: true, share: true, trash: true },
    });
    const { id } = created.json;
    await owner.api.request("POST", `${docs}/${id}/accesses`, {
      email: colleague.user.email,
      role: "editor",
    });
    const child = await colleague.api.request("POST", docs, { title: "Annexe", parentId: id });
    expect(child.status).toBe(201);
    expect(child.json).toMatchObject({ parentId: id, role: "editor" });
    // The owner of the parent owns what is below it.
    const seenByOwner = await owner.api.request("GET", `${docs}/${child.json.id}`);
    expect(seenByOwner.json.role).toBe("owner");
    const children = await owner.api.request("GET", `${docs}/${id}/children`);
    expect(children.json.documents.map((d: { title: string }) => d.title)).toEqual(["Annexe"]);
    const mine = await colleague.api.request("GET", docs);
    expect(mine.json.documents.map((d: { id: string }) => d.id)).toEqual([id]);
  });

  test("roles and link settings decide what each requester may do", async () => {
    const owner = await docsUser(server);
    const reader = await docsUser(server);
    const stranger = await docsUser(server);
    const { id } = await createDocument(owner, { title: "Note" });
    await owner.api.request("POST", `${docs}/${id}/accesses`, {
      email: reader.user.email,
      role: "reader",
    });
    expect((await reader.api.request("GET", `${docs}/${id}`)).json.abilities).toMatchObject({
      read: true,
      edit: false,
    });
    expect((await reader.api.request("PATCH", `${docs}/${id}`, { title: "x" })).status).toBe(403);
    expect((await reader.api.request("POST", docs, { title: "child", parentId: id })).status).toBe(
      403,
    );
    expect((await stranger.api.request("GET", `${docs}/${id}`)).status).toBe(403);
    const visitor = new ApiClient(server.url);
    expect((await visitor.request("GET", `${docs}/${id}`)).status).toBe(403);

    // Reader cannot share; the owner opens the link to every signed-in user, then to all.
    expect(
      (await reader.api.request("PATCH", `${docs}/${id}`, { linkReach: "public" })).status,
    ).toBe(403);
    await owner.api.request("PATCH", `${docs}/${id}`, { linkReach: "authenticated" });
    expect((await stranger.api.request("GET", `${docs}/${id}`)).json.role).toBe("reader");
    expect((await visitor.request("GET", `${docs}/${id}`)).status).toBe(403);
    await owner.api.request("PATCH", `${docs}/${id}`, {
      linkReach: "public",
      linkRole: "commenter",
    });
    expect((await visitor.request("GET", `${docs}/${id}`)).json).toMatchObject({
      role: "commenter",
      abilities: { comment: true, edit: false },
    });
    // A visitor can never write, whatever the link says.
    expect((await visitor.request("PATCH", `${docs}/${id}`, { title: "x" })).status).toBe(401);
  });

  test("only an owner makes or removes owners", async () => {
    const owner = await docsUser(server);
    const admin = await docsUser(server);
    const other = await docsUser(server);
    const { id } = await createDocument(owner);
    await owner.api.request("POST", `${docs}/${id}/accesses`, {
      email: admin.user.email,
      role: "administrator",
    });
    const promote = await admin.api.request("POST", `${docs}/${id}/accesses`, {
      email: other.user.email,
      role: "owner",
    });
    expect(promote.status).toBe(403);
    const accesses = (await admin.api.request("GET", `${docs}/${id}/accesses`)).json.accesses;
    const ownerAccess = accesses.find((a: { role: string }) => a.role === "owner");
    expect(
      (await admin.api.request("DELETE", `${docs}/${id}/accesses/${ownerAccess.id}`)).status,
    ).toBe(403);
  });

  test("unknown ids, forged ids and bad bodies are clear 4xx, nothing created", async () => {
    const owner = await docsUser(server);
    const victim = await docsUser(server);
    const { id: theirs } = await createDocument(victim, { title: "Privé" });
    const unknown = crypto.randomUUID();
    for (const path of [`${docs}/${unknown}`, `${docs}/not-an-id`, `${docs}/${unknown}/children`]) {
      const response = await owner.api.request("GET", path);
      expect(response.status).toBe(404);
      expect(response.json.message).toBeTruthy();
    }
    // A sub-page in someone else's tree is refused and not created.
    const forged = await owner.api.request("POST", docs, { title: "intrus", parentId: theirs });
    expect(forged.status).toBe(403);
    expect((await victim.api.request("GET", `${docs}/${theirs}/children`)).json.documents).toEqual(
      [],
    );
    expect((await owner.api.request("GET", docs)).json.documents).toEqual([]);

    const bad = [
      { title: 42 },
      { title: "x".repeat(301) },
      { title: "ok", extra: true },
      { parentId: unknown },
    ];
    for (const body of bad) {
      const response = await owner.api.request("POST", docs, body);
      expect(response.status, JSON.stringify(body)).toBeGreaterThanOrEqual(400);
      expect(response.status).toBeLessThan(500);
    }
    expect((await owner.api.request("GET", docs)).json.documents).toEqual([]);
    const grant = await owner.api.request("POST", `${docs}/${theirs}/accesses`, {
      email: owner.user.email,
      role: "owner",
    });
    expect(grant.status).toBe(403);
    const oversized = await owner.api.request("POST", docs, { title: "y".repeat(2_000_000) });
    expect([400, 413]).toContain(oversized.status);
  });
});
