import { eventually, startTestServer, type TestServer } from "@tandem/testkit";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createDocument, docsUser, openEditor, settled } from "./support.js";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server?.close());

const docs = "/api/docs/v1/documents";
const titles = (response: { json: { documents: Array<{ title: string }> } }) =>
  response.json.documents.map((d) => d.title);

describe("the page tree", () => {
  test("move a page with its sub-pages; never below itself", async () => {
    const owner = await docsUser(server);
    const { id: a } = await createDocument(owner, { title: "A" });
    const { id: b } = await createDocument(owner, { title: "B" });
    const a1 = (await owner.api.request("POST", docs, { title: "A1", parentId: a })).json.id;
    const a11 = (await owner.api.request("POST", docs, { title: "A11", parentId: a1 })).json.id;

    expect((await owner.api.request("POST", `${docs}/${a1}/move`, { parentId: b })).status).toBe(
      200,
    );
    expect(titles(await owner.api.request("GET", `${docs}/${b}/children`))).toEqual(["A1"]);
    expect(titles(await owner.api.request("GET", `${docs}/${a1}/children`))).toEqual(["A11"]);
    const below = await owner.api.request("POST", `${docs}/${a1}/move`, { parentId: a11 });
    expect(below.status).toBe(400);
    const toTop = await owner.api.request("POST", `${docs}/${a11}/move`, { parentId: null });
    expect(toTop.json).toMatchObject({ parentId: null, role: "owner" });
  });

  test("duplicate copies the content; templates seed new documents", async () => {
    const owner = await docsUser(server);
    const colleague = await docsUser(server);
    const { id } = await createDocument(owner, { title: "Modèle de note" });
    const editor = await openEditor(server.url, id, owner.token);
    editor.text.insert(0, "Objet : … Destinataires : …");
    await settled(editor);
    editor.provider.destroy();

    const copy = await owner.api.request("POST", `${docs}/${id}/duplicate`);
    expect(copy.status).toBe(201);
    expect(copy.json.title).toBe("Modèle de note (copy)");
    const copied = await openEditor(server.url, copy.json.id, owner.token);
    expect(copied.text.toString()).toBe("Objet : … Destinataires : …");
    copied.provider.destroy();

    await owner.api.request("PUT", `${docs}/${id}/template`, { isTemplate: true });
    await owner.api.request("PATCH", `${docs}/${id}`, { linkReach: "authenticated" });
    expect(titles(await colleague.api.request("GET", "/api/docs/v1/templates"))).toContain(
      "Modèle de note",
    );
    const seeded = await colleague.api.request("POST", "/api/docs/v1/from-template", {
      templateId: id,
      title: "Note du 3 mars",
    });
    expect(seeded.json).toMatchObject({ title: "Note du 3 mars", role: "owner" });
    const fromTemplate = await openEditor(server.url, seeded.json.id, colleague.token);
    expect(fromTemplate.text.toString()).toBe("Objet : … Destinataires : …");
    fromTemplate.provider.destroy();
    const notTemplate = await colleague.api.request("POST", "/api/docs/v1/from-template", {
      templateId: seeded.json.id,
    });
    expect(notTemplate.status).toBe(400);
  });

  test("trash takes the sub-pages along; owners restore within 30 days", async () => {
    const owner = await docsUser(server);
    const editor = await docsUser(server);
    const { id } = await createDocument(owner, { title: "Dossier" });
    const child = (await owner.api.request("POST", docs, { title: "Pièce", parentId: id })).json.id;
    await owner.api.request("POST", `${docs}/${id}/accesses`, {
      email: editor.user.email,
      role: "editor",
    });
    const socket = await openEditor(server.url, child, editor.token);
    expect((await editor.api.request("DELETE", `${docs}/${id}`)).status).toBe(403);
    expect((await owner.api.request("DELETE", `${docs}/${id}`)).status).toBe(204);
    expect((await owner.api.request("GET", `${docs}/${child}`)).status).toBe(404);
    await eventually(() => expect(socket.refusal.closed).toBeDefined());
    socket.provider.destroy();
    expect(titles(await owner.api.request("GET", "/api/docs/v1/trash"))).toEqual(["Dossier"]);
    expect(titles(await editor.api.request("GET", "/api/docs/v1/trash"))).toEqual([]);

    expect((await editor.api.request("POST", `${docs}/${id}/restore`)).status).toBe(403);
    expect((await owner.api.request("POST", `${docs}/${child}/restore`)).status).toBe(409);
    expect((await owner.api.request("POST", `${docs}/${id}/restore`)).status).toBe(200);
    expect((await owner.api.request("GET", `${docs}/${child}`)).status).toBe(200);
    expect((await owner.api.request("POST", `${docs}/${id}/restore`)).status).toBe(404);
  });

  test("favourites are the user's own and vanish with access", async () => {
    const owner = await docsUser(server);
    const reader = await docsUser(server);
    const { id } = await createDocument(owner, { title: "Suivi" });
    await owner.api.request("POST", `${docs}/${id}/accesses`, {
      email: reader.user.email,
      role: "reader",
    });
    expect((await reader.api.request("PUT", `${docs}/${id}/favourite`)).status).toBe(204);
    expect(titles(await reader.api.request("GET", "/api/docs/v1/favourites"))).toEqual(["Suivi"]);
    expect(titles(await owner.api.request("GET", "/api/docs/v1/favourites"))).toEqual([]);
    const accesses = (await owner.api.request("GET", `${docs}/${id}/accesses`)).json.accesses;
    const readerAccess = accesses.find((a: { userId: string }) => a.userId === reader.user.id);
    await owner.api.request("DELETE", `${docs}/${id}/accesses/${readerAccess.id}`);
    expect(titles(await reader.api.request("GET", "/api/docs/v1/favourites"))).toEqual([]);
    expect((await reader.api.request("PUT", `${docs}/${id}/favourite`)).status).toBe(403);
  });
});
