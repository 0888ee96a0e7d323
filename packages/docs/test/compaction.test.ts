import { eventually, startTestServer, type TestServer } from "@tandem/testkit";
import { afterAll, beforeAll, expect, test } from "vitest";
import * as Y from "yjs";
import { type StoredState, UpdateLog } from "../src/storage/UpdateLog.js";
import { createDocument, docsUser, openEditor, settled } from "./support.js";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ TANDEM_DOCS_COMPACT_AFTER: "20" });
});
afterAll(() => server?.close());

test("the log is folded into a snapshot in the background, and the content is intact", async () => {
  const owner = await docsUser(server);
  const { id } = await createDocument(owner);
  const editor = await openEditor(server.url, id, owner.token);
  for (let i = 0; i < 75; i++) editor.text.insert(editor.text.length, `${i},`);
  await settled(editor);
  const expected = editor.text.toString();
  editor.provider.destroy();

  const db = server.tandem.database.db;
  const rows = async (table: string) =>
    Number(
      (
        await db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as("n"))
          .where("document_id", "=", id)
          .executeTakeFirstOrThrow()
      ).n,
    );
  await eventually(async () => {
    expect(await rows("docs_snapshots")).toBe(1);
    expect(await rows("docs_updates")).toBeLessThan(20);
  });
  const reopened = await openEditor(server.url, id, owner.token);
  expect(reopened.text.toString()).toBe(expected);
  reopened.provider.destroy();
});

test("loading beside a compaction always sees the whole content", async () => {
  const owner = await docsUser(server);
  const { id } = await createDocument(owner);
  const log = new UpdateLog(server.tandem.database);
  const doc = new Y.Doc();
  doc.on("update", (update: Uint8Array) => void log.append(id, update));
  const textOf = (state: StoredState) => {
    const loaded = new Y.Doc();
    if (state.snapshot) Y.applyUpdate(loaded, state.snapshot.state);
    for (const update of state.updates) Y.applyUpdate(loaded, update.data);
    return loaded.getText("content").toString();
  };
  for (let round = 0; round < 40; round++) {
    for (let i = 0; i < 5; i++) doc.getText("content").insert(0, `${round}.${i} `);
    await eventually(async () =>
      expect(textOf(await log.load(id))).toBe(doc.getText("content").toString()),
    );
    const expected = doc.getText("content").toString();
    // Loads keep coming while the compaction runs, so some land across its commit.
    const compaction = log.compact(id);
    let finished = false;
    void compaction.finally(() => {
      finished = true;
    });
    const loads: StoredState[] = [];
    await Promise.all(
      Array.from({ length: 4 }, async () => {
        while (!finished) loads.push(await log.load(id));
      }),
    );
    expect(await compaction).toBe(true);
    for (const state of loads) expect(textOf(state)).toBe(expected);
  }
});
