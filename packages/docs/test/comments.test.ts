import { eventually, startTestServer, type TestServer } from "@tandem/testkit";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import * as Y from "yjs";
import { type DocsUser, docsUser, openEditor, settled } from "./support.js";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server?.close());

const body = (text: string) => [
  { type: "paragraph", content: [{ type: "text", text, styles: {} }] },
];

async function documentWith(owner: DocsUser, markdown: string) {
  const response = await fetch(`${server.url}/api/docs/v1/import?format=markdown`, {
    method: "POST",
    headers: { authorization: `Bearer ${owner.token}`, "content-type": "text/markdown" },
    body: markdown,
  });
  return (await response.json()).id as string;
}

function commentMarks(doc: Y.Doc): string[] {
  const found: string[] = [];
  const walk = (node: Y.XmlFragment | Y.XmlElement) => {
    for (const child of node.toArray()) {
      if (child instanceof Y.XmlText) {
        for (const op of child.toDelta()) {
          for (const [key, value] of Object.entries(op.attributes ?? {})) {
            if (key.startsWith("comment")) found.push((value as { threadId: string }).threadId);
          }
        }
      } else if (child instanceof Y.XmlElement) walk(child);
    }
  };
  walk(doc.getXmlFragment("document-store"));
  return found;
}

describe("comment threads", () => {
  test("commenters open threads anchored to text; everyone connected sees them live", async () => {
    const owner = await docsUser(server);
    const commenter = await docsUser(server);
    const reader = await docsUser(server);
    const id = await documentWith(owner, "Le texte soumis à relecture.");
    for (const [who, role] of [
      [commenter, "commenter"],
      [reader, "reader"],
    ] as const) {
      await owner.api.request("POST", `/api/docs/v1/documents/${id}/accesses`, {
        email: who.user.email,
        role,
      });
    }
    const live = await openEditor(server.url, id, owner.token);
    const threads = `/api/docs/v1/documents/${id}/threads`;

    const created = await commenter.api.request("POST", threads, {
      initialComment: { body: body("Reformuler ?") },
    });
    expect(created.status).toBe(200);
    const threadId = created.json.id;
    expect(created.json.comments[0].userId).toBe(commenter.user.id);
    const anchored = await commenter.api.request("POST", `${threads}/${threadId}/addToDocument`, {
      selection: { prosemirror: { anchor: 4, head: 12 } },
    });
    expect(anchored.status, anchored.text).toBe(200);
    await eventually(() => {
      expect(live.doc.getMap("threads").has(threadId)).toBe(true);
      expect(commentMarks(live.doc)).toContain(threadId);
    });

    const reply = await owner.api.request("POST", `${threads}/${threadId}/comments`, {
      comment: { body: body("D'accord") },
    });
    expect(reply.status).toBe(200);
    expect((await commenter.api.request("POST", `${threads}/${threadId}/resolve`)).status).toBe(
      200,
    );
    await eventually(() => {
      const thread = live.doc.getMap("threads").get(threadId) as Y.Map<unknown>;
      expect(thread.get("resolved")).toBe(true);
      expect((thread.get("comments") as Y.Array<unknown>).length).toBe(2);
    });
    expect((await owner.api.request("POST", `${threads}/${threadId}/unresolve`)).status).toBe(200);

    // Readers read threads (they are in the document) but do not write them.
    expect(
      (await reader.api.request("POST", threads, { initialComment: { body: body("x") } })).status,
    ).toBe(403);
    // Nobody edits someone else's comment.
    expect(
      (
        await commenter.api.request("PUT", `${threads}/${threadId}/comments/${reply.json.id}`, {
          comment: { body: body("changed") },
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await commenter.api.request("POST", `${threads}/no-such-thread/comments`, {
          comment: { body: body("?") },
        })
      ).status,
    ).toBe(404);
    expect(
      (
        await commenter.api.request("POST", `${threads}/${threadId}/addToDocument`, {
          selection: { prosemirror: { anchor: 3, head: 3 } },
        })
      ).status,
    ).toBe(400);
    live.provider.destroy();
  });

  test("an unknown thread is a 404, and no internal error text reaches the client", async () => {
    const owner = await docsUser(server);
    const id = await documentWith(owner, "Un texte.");
    const threads = `/api/docs/v1/documents/${id}/threads`;
    const missing = await owner.api.request(
      "DELETE",
      `${threads}/00000000-0000-0000-0000-000000000000`,
    );
    expect(missing.status).toBe(404);
    expect(missing.json).toEqual({ error: "not_found", message: "No such thread." });

    // An editor's client may write anything in the threads map; a thread BlockNote cannot
    // read makes its code throw a TypeError, which must not come back as its text.
    const live = await openEditor(server.url, id, owner.token);
    live.doc.getMap("threads").set("broken", new Y.Map());
    await settled(live);
    live.provider.destroy();
    const broken = await owner.api.request("DELETE", `${threads}/broken/comments/c1`);
    expect(broken.status).toBe(500);
    expect(broken.json).toEqual({ error: "internal_error", message: "Something went wrong." });

    const created = await owner.api.request("POST", threads, {
      initialComment: { body: body("?") },
    });
    const madeUp = await owner.api.request("POST", `${threads}/${created.json.id}/addToDocument`, {
      selection: { yjs: { anchor: null, head: 7 } },
    });
    expect(madeUp.status).toBe(400);
    expect(madeUp.json.message).toMatch(/^selection\.yjs: /);
  });
});
