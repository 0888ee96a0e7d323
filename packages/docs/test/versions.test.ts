import { eventually, startTestServer, type TestServer } from "@tandem/testkit";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createDocument, docsUser, openEditor, settled } from "./support.js";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server?.close());

const docs = "/api/docs/v1/documents";

describe("versions", () => {
  test("named versions, read-only views, a readable diff and a restore everyone receives", async () => {
    const owner = await docsUser(server);
    const reader = await docsUser(server);
    const { id } = await createDocument(owner, { title: "Arrêté" });
    await owner.api.request("POST", `${docs}/${id}/accesses`, {
      email: reader.user.email,
      role: "reader",
    });
    const editor = await openEditor(server.url, id, owner.token);
    editor.text.insert(0, "Article 1\nArticle 2\n");
    await settled(editor);
    const first = await owner.api.request("POST", `${docs}/${id}/versions`, { name: "Projet" });
    expect(first.status).toBe(201);
    expect(first.json).toMatchObject({ name: "Projet", automatic: false });

    editor.text.delete(0, "Article 1\n".length);
    editor.text.insert(editor.text.length, "Article 3\n");
    await settled(editor);

    const viewed = await reader.api.request("GET", `${docs}/${id}/versions/${first.json.id}`);
    expect(viewed.json.text).toBe("Article 1\nArticle 2\n");
    expect(viewed.json.state).toBeTruthy();
    const diff = await reader.api.request(
      "GET",
      `${docs}/${id}/versions/diff?from=${first.json.id}`,
    );
    expect(diff.json.changes).toEqual([
      { change: "removed", text: "Article 1\n" },
      { change: "same", text: "Article 2\n" },
      { change: "added", text: "Article 3\n" },
    ]);

    // Readers read versions but do not make or restore them.
    expect((await reader.api.request("POST", `${docs}/${id}/versions`, { name: "x" })).status).toBe(
      403,
    );
    expect(
      (await reader.api.request("POST", `${docs}/${id}/versions/${first.json.id}/restore`)).status,
    ).toBe(403);

    const restored = await owner.api.request(
      "POST",
      `${docs}/${id}/versions/${first.json.id}/restore`,
    );
    expect(restored.status).toBe(204);
    // The open editor receives the restore as a change, like any collaborator's.
    await eventually(() => expect(editor.text.toString()).toBe("Article 1\nArticle 2\n"));
    editor.provider.destroy();
    const reopened = await openEditor(server.url, id, owner.token);
    expect(reopened.text.toString()).toBe("Article 1\nArticle 2\n");
    reopened.provider.destroy();

    // What was there before the restore is kept as a version too.
    const list = (await owner.api.request("GET", `${docs}/${id}/versions`)).json.versions;
    expect(list.at(-1).name).toBe("Projet");
    const texts = [];
    for (const version of list) {
      texts.push(
        (await owner.api.request("GET", `${docs}/${id}/versions/${version.id}`)).json.text,
      );
    }
    expect(texts).toContain("Article 2\nArticle 3\n");
  });

  test("an automatic version is taken when the last editor leaves", async () => {
    const owner = await docsUser(server);
    const { id } = await createDocument(owner);
    const editor = await openEditor(server.url, id, owner.token);
    editor.text.insert(0, "brouillon");
    await settled(editor);
    editor.provider.destroy();
    await eventually(async () => {
      const list = (await owner.api.request("GET", `${docs}/${id}/versions`)).json.versions;
      expect(list).toMatchObject([{ automatic: true }]);
    });
  });

  test("unknown versions and bad names are clear 4xx", async () => {
    const owner = await docsUser(server);
    const { id } = await createDocument(owner);
    const unknown = crypto.randomUUID();
    expect((await owner.api.request("GET", `${docs}/${id}/versions/${unknown}`)).status).toBe(404);
    expect(
      (await owner.api.request("POST", `${docs}/${id}/versions/${unknown}/restore`)).status,
    ).toBe(404);
    expect((await owner.api.request("POST", `${docs}/${id}/versions`, { name: " " })).status).toBe(
      400,
    );
    expect((await owner.api.request("GET", `${docs}/${id}/versions/diff`)).status).toBe(400);
    expect((await owner.api.request("GET", `${docs}/${id}/versions`)).json.versions).toEqual([]);
  });
});
