import { COLLAB_PATH } from "@tandem/docs";
import { CollabWire, eventually, startTestServer, type TestServer } from "@tandem/testkit";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createDocument, docsUser, openEditor } from "./support.js";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ TANDEM_DOCS_MAX_MESSAGE_BYTES: "65536" });
});
afterAll(() => server?.close());

const socketUrl = () => `${server.url.replace(/^http/, "ws")}${COLLAB_PATH}`;

describe("bad messages on the collaboration socket", () => {
  test("garbage, a corrupt update or an oversized message closes that connection only", async () => {
    const owner = await docsUser(server);
    const { id } = await createDocument(owner);
    const editor = await openEditor(server.url, id, owner.token);
    editor.text.insert(0, "Budget 2027");
    await eventually(() => expect(editor.provider.hasUnsyncedChanges).toBe(false));

    const garbage = new CollabWire(socketUrl(), id, owner.token);
    await garbage.authenticated();
    garbage.send(new Uint8Array([0xff, 0xff, 0xff, 0xff, 0x0f, 0x01]));
    expect((await garbage.closed).code).toBeGreaterThanOrEqual(1000);

    const corrupt = new CollabWire(socketUrl(), id, owner.token);
    await corrupt.authenticated();
    corrupt.sendUpdate(new Uint8Array([7, 200, 13, 255, 255, 1, 2, 3, 4, 5]));
    expect((await corrupt.closed).code).toBeGreaterThanOrEqual(1000);

    const huge = new CollabWire(socketUrl(), id, owner.token);
    await huge.authenticated();
    huge.type("x".repeat(100_000));
    expect((await huge.closed).code).toBe(1009);

    // The document and the server are unharmed: the editor goes on, a newcomer loads it.
    editor.text.insert(editor.text.length, " — adopté");
    await eventually(() => expect(editor.provider.hasUnsyncedChanges).toBe(false));
    editor.provider.destroy();
    const newcomer = await openEditor(server.url, id, owner.token);
    expect(newcomer.text.toString()).toBe("Budget 2027 — adopté");
    newcomer.provider.destroy();
  });

  test("a NUL in the upgrade path, the document name or the token is refused; the server serves on", async () => {
    const owner = await docsUser(server);
    const { id } = await createDocument(owner);
    for (const url of [`${socketUrl()}%00`, `${socketUrl()}?document=%00`]) {
      const upgrade = new WebSocket(url);
      const outcome = await new Promise<string>((resolve) => {
        upgrade.addEventListener("open", () => resolve("open"));
        upgrade.addEventListener("error", () => resolve("error"));
      });
      upgrade.close();
      expect(outcome, url).toBe("error");
    }
    // Hocuspocus splits a name at its first NUL (`document\0session`): "x" is no document.
    const named = new CollabWire(socketUrl(), `x\u0000${id}`, owner.token);
    await expect(named.authenticated()).rejects.toThrow(/permission denied/);
    named.close();
    const token = new CollabWire(socketUrl(), id, `${owner.token}\u0000`);
    await expect(token.authenticated()).rejects.toThrow(/permission denied/);
    token.close();

    const editor = await openEditor(server.url, id, owner.token);
    editor.text.insert(0, "still here");
    await eventually(() => expect(editor.provider.hasUnsyncedChanges).toBe(false));
    editor.provider.destroy();
  });

  test("a socket on another path is not answered as a collaboration socket", async () => {
    const socket = new WebSocket(`${server.url.replace(/^http/, "ws")}/api/docs/elsewhere`);
    const outcome = await new Promise<string>((resolve) => {
      socket.addEventListener("open", () => resolve("open"));
      socket.addEventListener("error", () => resolve("error"));
    });
    expect(outcome).toBe("error");
  });
});
