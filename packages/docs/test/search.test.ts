import { eventually, startTestServer, type TestServer } from "@tandem/testkit";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createDocument, docsUser, openEditor, settled } from "./support.js";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server?.close());

const search = (user: Awaited<ReturnType<typeof docsUser>>, q: string) =>
  user.api.request("GET", `/api/docs/v1/search?q=${encodeURIComponent(q)}`);

describe("search", () => {
  test("titles and content, ranked, with highlighted and escaped snippets", async () => {
    const owner = await docsUser(server);
    const { id: minutes } = await createDocument(owner, { title: "Compte rendu du comité" });
    const { id: budget } = await createDocument(owner, { title: "Budget" });
    const editor = await openEditor(server.url, budget, owner.token);
    editor.text.insert(0, "Le comité <b>valide</b> le budget de l'État pour 2027.");
    await settled(editor);
    editor.provider.destroy();

    await eventually(async () => {
      const found = await search(owner, "comite");
      expect(found.status).toBe(200);
      expect(found.json.results.map((r: { id: string }) => r.id)).toEqual([minutes, budget]);
    });
    const etat = (await search(owner, "état 2027")).json.results;
    expect(etat).toHaveLength(1);
    expect(etat[0].snippet).toContain("<mark>");
    // The content's own markup never reaches the client as markup: only <mark> does.
    expect(etat[0].snippet).toContain("valide");
    expect(etat[0].snippet).not.toMatch(/<(?!\/?mark>)/);
  });

  test("only documents shared with the user — not those a link opens, nor the trash", async () => {
    const owner = await docsUser(server);
    const colleague = await docsUser(server);
    const stranger = await docsUser(server);
    const { id: shared } = await createDocument(owner, { title: "Plan de continuité" });
    const { id: open } = await createDocument(owner, { title: "Plan public" });
    await owner.api.request("POST", `/api/docs/v1/documents/${shared}/accesses`, {
      email: colleague.user.email,
      role: "reader",
    });
    await owner.api.request("PATCH", `/api/docs/v1/documents/${open}`, { linkReach: "public" });
    const child = (
      await owner.api.request("POST", "/api/docs/v1/documents", {
        title: "Plan annexe",
        parentId: shared,
      })
    ).json.id;

    const ids = async (user: typeof owner) =>
      (await search(user, "plan")).json.results.map((r: { id: string }) => r.id).sort();
    expect(await ids(owner)).toEqual([shared, open, child].sort());
    expect(await ids(colleague)).toEqual([shared, child].sort());
    expect(await ids(stranger)).toEqual([]);
    await owner.api.request("DELETE", `/api/docs/v1/documents/${shared}`);
    expect(await ids(owner)).toEqual([open]);
  });

  test("a shared match is found below any number of better matches the user cannot read", async () => {
    const owner = await docsUser(server);
    const searcher = await docsUser(server);
    for (let i = 0; i < 210; i++) {
      await createDocument(owner, { title: `Mistral mistral mistral ${i}` });
    }
    const { id: shared } = await createDocument(owner, { title: "Rapport Mistral" });
    await owner.api.request("POST", `/api/docs/v1/documents/${shared}/accesses`, {
      email: searcher.user.email,
      role: "reader",
    });
    const found = (await search(searcher, "mistral")).json.results;
    expect(found.map((r: { id: string }) => r.id)).toEqual([shared]);
    expect((await search(owner, "mistral")).json.results.length).toBeGreaterThan(1);
  });

  test("an empty or oversized query is a clear 400; operators are plain words", async () => {
    const owner = await docsUser(server);
    expect((await search(owner, "  ")).status).toBe(400);
    expect((await search(owner, "x".repeat(501))).status).toBe(400);
    const tricky = await search(owner, 'NEAR("a" OR b*) AND "');
    expect(tricky.status).toBe(200);
  });
});

describe("a NUL in a document's text", () => {
  test("typed over the socket or in an imported file, it is left out of the title and the index", async () => {
    const owner = await docsUser(server);
    const { id } = await createDocument(owner, { title: "Notes" });
    const editor = await openEditor(server.url, id, owner.token);
    editor.text.insert(0, "Hors\u0000norme paperasse");
    await settled(editor);
    editor.provider.destroy();

    const file = await fetch(`${server.url}/api/docs/v1/import?format=markdown`, {
      method: "POST",
      headers: { authorization: `Bearer ${owner.token}`, "content-type": "text/markdown" },
      body: "# Bilan\u0000annuel\n\nUne formalit\u0000é paperasse\n",
    });
    expect(file.status).toBe(201);
    const created = (await file.json()) as { id: string; title: string };
    expect(created.title).not.toContain("\u0000");

    await eventually(async () => {
      const found = await search(owner, "paperasse");
      expect(found.json.results.map((r: { id: string }) => r.id).sort()).toEqual(
        [id, created.id].sort(),
      );
    });
  });
});
