import { describe, expect, test } from "vitest";
import * as Y from "yjs";
import { plainTextOf, restoreUpdate } from "./yjsContent.js";

function blockDoc(paragraphs: string[]): Y.Doc {
  const doc = new Y.Doc();
  const fragment = doc.getXmlFragment("document-store");
  const group = new Y.XmlElement("blockGroup");
  fragment.insert(0, [group]);
  group.insert(
    0,
    paragraphs.map((words) => {
      const block = new Y.XmlElement("paragraph");
      const text = new Y.XmlText();
      text.insert(0, words);
      block.insert(0, [text]);
      return block;
    }),
  );
  return doc;
}

describe("document content read from Yjs", () => {
  test("plain text has a line per block of an editor's XML fragment", () => {
    const doc = blockDoc(["Ordre du jour", "1. Budget"]);
    expect(plainTextOf(Y.encodeStateAsUpdate(doc))).toBe("Ordre du jour\n1. Budget");
  });

  test("restoring an earlier state is an edit on top that others merge", () => {
    const doc = blockDoc(["Version A"]);
    const earlier = Y.encodeStateAsUpdate(doc);
    const text = doc.getText("notes");
    text.insert(0, "later notes");
    const fragment = doc.getXmlFragment("document-store");
    fragment.insert(1, [new Y.XmlElement("paragraph")]);
    const current = Y.encodeStateAsUpdate(doc);

    const restore = restoreUpdate(current, earlier);
    const result = new Y.Doc();
    Y.applyUpdate(result, current);
    Y.applyUpdate(result, restore);
    expect(plainTextOf(Y.encodeStateAsUpdate(result))).toBe("Version A");
    expect(result.getText("notes").toString()).toBe("");
  });

  test("a plain text root is restored too", () => {
    const doc = new Y.Doc();
    doc.getText("content").insert(0, "before");
    const earlier = Y.encodeStateAsUpdate(doc);
    doc.getText("content").insert(6, " and after");
    const restored = new Y.Doc();
    Y.applyUpdate(restored, Y.encodeStateAsUpdate(doc));
    Y.applyUpdate(restored, restoreUpdate(Y.encodeStateAsUpdate(doc), earlier));
    expect(restored.getText("content").toString()).toBe("before");
  });
});
