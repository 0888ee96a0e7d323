import { eventually, startTestServer, type TestServer } from "@tandem/testkit";
import { afterAll, beforeAll, expect, test } from "vitest";
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
