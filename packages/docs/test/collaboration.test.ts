import { eventually, startTestServer, type TestServer } from "@tandem/testkit";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createDocument, docsUser, openEditor, settled } from "./support.js";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server?.close());

describe("editing together over the collaboration socket", () => {
  test("concurrent editors converge, and the server kept every update", async () => {
    const owner = await docsUser(server);
    const colleague = await docsUser(server);
    const { id } = await createDocument(owner, { title: "Compte rendu" });
    const shared = await owner.api.request("POST", `/api/docs/v1/documents/${id}/accesses`, {
      email: colleague.user.email,
      role: "editor",
    });
    expect(shared.status).toBe(204);

    const a = await openEditor(server.url, id, owner.token);
    const b = await openEditor(server.url, id, colleague.token);
    for (let i = 0; i < 20; i++) {
      a.text.insert(0, `a${i} `);
      b.text.insert(b.text.length, `b${i} `);
    }
    await eventually(() => {
      expect(a.text.toString()).toBe(b.text.toString());
      expect(a.text.toString()).toContain("a19");
      expect(a.text.toString()).toContain("b19");
    });
    await Promise.all([settled(a), settled(b)]);
    const content = a.text.toString();
    a.provider.destroy();
    b.provider.destroy();

    // A fresh editor reads what the server stored: nobody is connected to carry it.
    const later = await openEditor(server.url, id, owner.token);
    expect(later.text.toString()).toBe(content);
    later.provider.destroy();
  });

  test("a reader sees edits live but cannot change the document", async () => {
    const owner = await docsUser(server);
    const reader = await docsUser(server);
    const { id } = await createDocument(owner);
    await owner.api.request("POST", `/api/docs/v1/documents/${id}/accesses`, {
      email: reader.user.email,
      role: "reader",
    });
    const writer = await openEditor(server.url, id, owner.token);
    const watcher = await openEditor(server.url, id, reader.token);
    writer.text.insert(0, "Ordre du jour");
    await eventually(() => expect(watcher.text.toString()).toBe("Ordre du jour"));

    watcher.text.insert(0, "VANDALISM ");
    writer.text.insert(writer.text.length, ".");
    await eventually(() => expect(watcher.text.toString()).toContain("."));
    expect(writer.text.toString()).toBe("Ordre du jour.");
    writer.provider.destroy();
    watcher.provider.destroy();

    const reopened = await openEditor(server.url, id, owner.token);
    expect(reopened.text.toString()).toBe("Ordre du jour.");
    reopened.provider.destroy();
  });

  test("an access change reaches open connections at once", async () => {
    const owner = await docsUser(server);
    const colleague = await docsUser(server);
    const bystander = await docsUser(server);
    const { id } = await createDocument(owner);
    for (const who of [colleague, bystander]) {
      await owner.api.request("POST", `/api/docs/v1/documents/${id}/accesses`, {
        email: who.user.email,
        role: "editor",
      });
    }
    const mine = await openEditor(server.url, id, owner.token);
    const theirs = await openEditor(server.url, id, colleague.token);
    const other = await openEditor(server.url, id, bystander.token);

    // Downgraded to reader: the next edit is refused.
    await owner.api.request("POST", `/api/docs/v1/documents/${id}/accesses`, {
      email: colleague.user.email,
      role: "reader",
    });
    // The change travels over pub/sub: edits made before it lands are still accepted.
    let attempt = 0;
    await eventually(async () => {
      theirs.text.insert(0, `try${attempt++} `);
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(theirs.provider.hasUnsyncedChanges).toBe(true);
    });
    theirs.text.insert(0, "REFUSED ");
    other.text.insert(0, "still editing ");
    await eventually(() => expect(mine.text.toString()).toContain("still editing"));
    expect(mine.text.toString()).not.toContain("REFUSED");
    expect(mine.text.toString()).not.toContain(`try${attempt - 1} `);

    // Removed: the connection is closed; the bystander's stays open.
    const accesses = await owner.api.request("GET", `/api/docs/v1/documents/${id}/accesses`);
    const access = accesses.json.accesses.find(
      (row: { userId: string }) => row.userId === bystander.user.id,
    );
    await owner.api.request("DELETE", `/api/docs/v1/documents/${id}/accesses/${access.id}`);
    await eventually(() => expect(other.refusal.closed).toBeDefined());
    mine.text.insert(0, "owner ");
    await eventually(() => expect(theirs.text.toString()).toContain("owner"));
    for (const editor of [mine, theirs, other]) editor.provider.destroy();
  });

  test("unknown documents, missing access and bad tokens are refused", async () => {
    const owner = await docsUser(server);
    const stranger = await docsUser(server);
    const { id } = await createDocument(owner);
    const unknown = await openEditor(server.url, crypto.randomUUID(), owner.token, {
      expectRefusal: true,
    });
    const forbidden = await openEditor(server.url, id, stranger.token, { expectRefusal: true });
    const forged = await openEditor(server.url, id, "tdm_pat_forged", { expectRefusal: true });
    for (const refused of [unknown, forbidden, forged]) {
      expect(refused.provider.isSynced).toBe(false);
      refused.provider.destroy();
    }
  });
});
